import type { QualityReason, Span } from '../profile.types';
import type { Line } from './lines';

/**
 * Quality signals: how much of the text is garbage, where text is hidden or stuffed, and whether
 * the text is fit to build a profile from at all.
 */
export const MIN_CHARS = 100;
export const MAX_GARBAGE = 0.3;

/**
 * Share of non-space characters that are replacement characters, private-use glyphs, controls,
 * or letters of Latin words without any vowel (the signature of a font with a broken encoding).
 */
export function garbageRatio(text: string): number {
  const compact = text.replace(/\s+/g, '');
  if (!compact.length) return 0;
  // eslint-disable-next-line no-control-regex
  const junk = compact.match(/[\ufffd\ue000-\uf8ff\u0000-\u001f]/g)?.length ?? 0;
  let vowelless = 0;
  for (const w of text.match(/[A-Za-z]{4,}/g) ?? []) {
    // Short all-caps words are acronyms (HTML, HTTP), not garbage.
    if (!/[aeiouyAEIOUY]/.test(w) && !(w.length <= 5 && w === w.toUpperCase()))
      vowelless += w.length;
  }
  return Math.min(1, (junk + vowelless) / compact.length);
}

export function qualityReason(
  visibleChars: number,
  garbage: number,
  needsOcr: boolean,
): QualityReason | undefined {
  if (needsOcr) return 'needs_ocr';
  if (visibleChars === 0) return 'empty_text';
  if (garbage > MAX_GARBAGE) return 'garbled';
  if (visibleChars < MIN_CHARS) return 'too_short';
  return undefined;
}

/** Finds each hidden string in the normalised text, in order, and returns their spans. */
export function locateHidden(
  text: string,
  hidden: string[],
  normalize: (s: string) => string,
): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const h of hidden) {
    const needle = normalize(h).trim();
    if (!needle) continue;
    let at = text.indexOf(needle, from);
    if (at < 0) at = text.indexOf(needle);
    if (at < 0) continue;
    spans.push({ start: at, end: at + needle.length });
    from = at + needle.length;
  }
  return spans;
}

const STOPWORDS = new Set(
  'the and of to in for with a an on at by from as is are was were be or our we i my your it this that years year months'.split(
    ' ',
  ),
);
const WINDOW = 30;
const MIN_REPEATS = 6;
/** Lines of at least eight words repeated four or more times; doubled or tripled pages are not. */
const MIN_LINE_WORDS = 8;
const MIN_LINE_REPEATS = 4;

/**
 * Abnormal repetition: one word filling at least a third of a 30-word window (the whole run of
 * it is excluded), and a line of eight or more words that occurs four or more times (all but the
 * first occurrence are excluded).
 */
export function findStuffing(text: string, lines: Line[]): Span[] {
  return [...repeatedWords(text), ...repeatedLines(lines)];
}

interface Word {
  w: string;
  start: number;
  end: number;
}

function repeatedWords(text: string): Span[] {
  const words: Word[] = [...text.matchAll(/[\p{L}\p{N}+#.]+/gu)].map((m) => ({
    w: m[0].toLowerCase().replace(/\.$/, ''),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const spans: Span[] = [];
  for (let i = 0; i < Math.max(1, words.length - WINDOW + 1); i += WINDOW / 3) {
    const counts = new Map<string, number[]>();
    for (let k = i; k < Math.min(words.length, i + WINDOW); k++) {
      const x = words[k].w;
      if (STOPWORDS.has(x) || x.length < 2) continue;
      counts.set(x, [...(counts.get(x) ?? []), k]);
    }
    for (const at of counts.values()) {
      if (at.length < MIN_REPEATS || at.length < WINDOW / 3) continue;
      const [from, to] = extendRun(words, at[0], at[at.length - 1]);
      spans.push({ start: words[from].start, end: words[to].end });
    }
  }
  return spans;
}

/** Grows a run of one repeated word outwards while its occurrences stay within three words. */
function extendRun(words: Word[], from: number, to: number): [number, number] {
  const w = words[from].w;
  const step = (pos: number, dir: -1 | 1): number => {
    for (let k = pos + dir, gap = 0; k >= 0 && k < words.length && gap <= 3; k += dir, gap++) {
      if (words[k].w === w) return k;
    }
    return -1;
  };
  for (let k = step(from, -1); k >= 0; k = step(k, -1)) from = k;
  for (let k = step(to, 1); k >= 0; k = step(k, 1)) to = k;
  return [from, to];
}

function repeatedLines(lines: Line[]): Span[] {
  const seen = new Map<string, number>();
  const spans: Span[] = [];
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    const key = l.text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key.length < 40 || (key.match(/\p{L}{2,}/gu)?.length ?? 0) < MIN_LINE_WORDS) continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  for (const [key, n] of seen) {
    if (n < MIN_LINE_REPEATS) continue;
    for (const l of (groups.get(key) ?? []).slice(1)) spans.push({ start: l.start, end: l.end });
  }
  return spans;
}

/** Sorted, overlapping and touching spans merged. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
