/** A line of the normalised text with its offsets (end exclusive, without the newline). */
export interface Line {
  text: string;
  start: number;
  end: number;
  /** Index in the full line list. */
  index: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ text: text.slice(start, i), start, end: i, index: lines.length });
      start = i + 1;
    }
  }
  return lines;
}

/** Replaces the given ranges by spaces, keeping every other offset where it was. */
export function maskSpans(text: string, spans: { start: number; end: number }[]): string {
  if (!spans.length) return text;
  const chars = text.split('');
  for (const s of spans) {
    for (let i = Math.max(0, s.start); i < Math.min(chars.length, s.end); i++) {
      if (chars[i] !== '\n') chars[i] = ' ';
    }
  }
  return chars.join('');
}

export const isBulletLine = (s: string): boolean => /^\s*(?:[•*>-]|\d{1,2}[.)])\s/.test(s);

/** Splits a line on field separators: tab, pipe, bullet between words, and 2+ spaces. */
export function fields(s: string): string[] {
  return s
    .split(/\t|\s[|•]\s|\s{2,}|\s\|\s?|^\|/)
    .map((f) => f.trim())
    .filter(Boolean);
}
