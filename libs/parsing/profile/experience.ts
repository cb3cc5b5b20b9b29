import type { ExperienceEntry, Section } from '../profile.types';
import {
  findDateRanges,
  formatYearMonth,
  mergedMonths,
  rangeMonths,
  type DateRange,
} from './dates';
import { isBulletLine, type Line } from './lines';
import { splitRole, titleScore } from './job-title';
import { matchHeading } from './sections';

/**
 * Experience entries, anchored on date ranges. Around each anchor the title and employer are
 * read from the rest of the date line and from the short lines just above and below it, which
 * covers "Title, 04/2013 to Current / Employer – City", "Title | Employer | 2019 – 2021",
 * "Title at Employer / Jan 2019 – Present" and the Indeed "Title / Employer – City / dates" order.
 */
interface Anchor {
  line: Line;
  range: DateRange;
}

const SKIP_SECTIONS = new Set(['education', 'certifications', 'projects', 'skills', 'languages']);

export function extractExperience(
  lines: Line[],
  sections: Section[],
  now: Date,
): ExperienceEntry[] {
  const blocks = sections.filter((s) => s.name === 'experience');
  const fallback = blocks.length === 0;
  const ranges = fallback
    ? sections.filter((s) => !SKIP_SECTIONS.has(s.name)).map((s) => s.span)
    : blocks.map((s) => s.span);
  const entries: ExperienceEntry[] = [];
  for (const span of ranges) {
    const inside = lines.filter(
      (l) => l.start >= span.start && l.end <= span.end && !matchHeading(l),
    );
    entries.push(...entriesOf(inside, now, fallback));
  }
  return dedupe(entries);
}

export function totalMonths(entries: ExperienceEntry[], now: Date): number {
  const nowYm = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const intervals: [number, number][] = [];
  for (const e of entries) {
    if (!e.start) continue;
    const [sy, sm] = e.start.split('-').map(Number);
    const endYm = e.end ? Number(e.end.slice(0, 4)) * 12 + Number(e.end.slice(5, 7)) - 1 : nowYm;
    intervals.push([sy * 12 + sm - 1, endYm]);
  }
  return mergedMonths(intervals);
}

function entriesOf(lines: Line[], now: Date, fallback: boolean): ExperienceEntry[] {
  const anchors: Anchor[] = [];
  for (const line of lines) {
    if (isBulletLine(line.text) && line.text.length > 60) continue;
    const range = findDateRanges(line.text)[0];
    if (range && (line.text.length < 120 || range.index < 5)) anchors.push({ line, range });
  }
  const used = new Set<number>();
  const out: ExperienceEntry[] = [];
  anchors.forEach((a, i) => {
    const prevAnchor = anchors[i - 1]?.line.index ?? -1;
    const entry = buildEntry(a, lines, prevAnchor, anchors[i + 1], used, now);
    if (entry && (!fallback || entry.title))
      out.push(fallback ? { ...entry, confidence: entry.confidence * 0.6 } : entry);
  });
  return out;
}

function buildEntry(
  a: Anchor,
  lines: Line[],
  prevAnchor: number,
  next: Anchor | undefined,
  used: Set<number>,
  now: Date,
): ExperienceEntry | null {
  const pos = lines.indexOf(a.line);
  const rest = (
    a.line.text.slice(0, a.range.index) +
    ' ' +
    a.line.text.slice(a.range.index + a.range.length)
  )
    .replace(/^[\s,|•:–—-]+|[\s,|•:–—(-]+$/g, '')
    .trim();
  const above = headerLinesAbove(lines, pos, prevAnchor, used);
  const below =
    lines[pos + 1] && isHeaderLike(lines[pos + 1]) && lines[pos + 1].index !== next?.line.index
      ? [lines[pos + 1]]
      : [];
  const candidates = [rest, ...below.map((l) => l.text), ...above.map((l) => l.text)].filter(
    Boolean,
  );
  const { title, employer } = splitRole(candidates);
  for (const l of [...above, ...below]) used.add(l.index);
  const bodyStart = (below[0] ?? a.line).end + 1;
  const nextTop = next
    ? Math.min(
        next.line.start,
        ...headerLinesAbove(lines, lines.indexOf(next.line), a.line.index, new Set()).map(
          (l) => l.start,
        ),
      )
    : Infinity;
  const bodyLines = lines.filter((l) => l.start >= bodyStart && l.start < nextTop && l.text.trim());
  const description = bodyLines.map((l) => l.text).join('\n');
  const first = above.length ? above[above.length - 1].start : a.line.start;
  const last = bodyLines.length ? bodyLines[bodyLines.length - 1].end : (below[0] ?? a.line).end;
  const r = a.range;
  let confidence = 0.4 + (title ? 0.25 : 0) + (employer ? 0.2 : 0);
  if (r.start.yearOnly) confidence -= 0.05;
  return {
    title,
    employer,
    start: formatYearMonth(r.start),
    end: r.end ? formatYearMonth(r.end) : undefined,
    current: r.current,
    months: rangeMonths(r, now),
    description,
    confidence: Math.round(confidence * 100) / 100,
    span: { start: Math.min(first, a.line.start), end: Math.max(last, a.line.end) },
  };
}

/** Up to two short non-bullet lines above the anchor, skipping blank lines. */
function headerLinesAbove(
  lines: Line[],
  pos: number,
  stopIndex: number,
  used: Set<number>,
): Line[] {
  const out: Line[] = [];
  for (let k = pos - 1; k >= 0 && out.length < 2; k--) {
    const l = lines[k];
    if (l.index <= stopIndex || used.has(l.index)) break;
    if (!l.text.trim() || /^\s*https?:\/\/\S+\s*$/.test(l.text)) continue;
    if (!isHeaderLike(l) || findDateRanges(l.text).length || continuesBullet(lines[k - 1])) break;
    out.push(l);
  }
  return out;
}

/** A wrapped bullet's second line is description, not the next entry's title. */
const continuesBullet = (above: Line | undefined): boolean =>
  !!above && isBulletLine(above.text) && !/[.!?:;]\s*$/.test(above.text);

function isHeaderLike(l: Line): boolean {
  const t = l.text.trim();
  if (!t || isBulletLine(t) || t.length > 90) return false;
  if (/[.;]$/.test(t) && t.split(' ').length > 6) return false;
  return t.split(/\s+/).length <= 12 || titleScore(t) > 0;
}

function dedupe(entries: ExperienceEntry[]): ExperienceEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = [e.title, e.employer, e.start, e.end].join('|').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const compareByStart = (a: ExperienceEntry, b: ExperienceEntry): number =>
  (b.start ?? '').localeCompare(a.start ?? '');
