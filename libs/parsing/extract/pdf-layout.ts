/**
 * Reading order for one PDF page, from positioned text runs (PDF user space: y grows upwards,
 * units are points). Runs are grouped into visual lines, lines are cut at wide gaps into
 * segments, and a page-wide gutter (if any) splits the segments into two columns; between
 * full-width segments the left column is read before the right one.
 */
export interface TextRun {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  w: number;
  /** Font size in points (0 for pdf.js's synthetic space runs). */
  h: number;
  hidden: boolean;
}

export interface PageText {
  text: string;
  /** Offsets into `text` of runs that are invisible (white, tiny, off-page, render mode 3). */
  hidden: [number, number][];
}

interface Segment {
  runs: TextRun[];
  x0: number;
  x1: number;
  y: number;
  h: number;
  chars: number;
}

/** Gap between runs of a line, in font sizes, above which they belong to separate segments. */
const SEGMENT_GAP_EM = 2;
/** Gap in font sizes above which a space is inserted between two runs. */
const SPACE_GAP_EM = 0.15;

export function layoutPage(runs: TextRun[], pageWidth: number): PageText {
  const segments = toSegments(runs);
  const gutter = findGutter(segments, pageWidth);
  const ordered = gutter === null ? segments : orderByColumns(segments, gutter);
  return render(ordered, gutter);
}

function toSegments(runs: TextRun[]): Segment[] {
  const sorted = runs.filter((r) => r.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let lineY = Number.NaN;
  let lineH = 0;
  for (const r of sorted) {
    const tol = Math.max(1, 0.35 * Math.max(r.h, lineH, 4));
    if (current.length && Math.abs(r.y - lineY) <= tol) {
      current.push(r);
      if (r.h > 0 && r.str.trim()) lineH = Math.max(lineH, r.h);
      continue;
    }
    if (current.length) lines.push(current);
    current = [r];
    lineY = r.y;
    lineH = r.h;
  }
  if (current.length) lines.push(current);
  return lines.flatMap(splitLine);
}

function splitLine(line: TextRun[]): Segment[] {
  const runs = line.sort((a, b) => a.x - b.x);
  const out: Segment[] = [];
  let seg: TextRun[] = [];
  let end = -Infinity;
  for (const r of runs) {
    const em = Math.max(r.h, ...seg.map((s) => s.h), 4);
    if (seg.length && r.x - end > SEGMENT_GAP_EM * em && r.str.trim()) {
      out.push(makeSegment(seg));
      seg = [];
    }
    if (!seg.length && !r.str.trim()) continue;
    seg.push(r);
    end = Math.max(end, r.x + r.w);
  }
  if (seg.some((r) => r.str.trim())) out.push(makeSegment(seg));
  return out;
}

function makeSegment(runs: TextRun[]): Segment {
  const visible = runs.filter((r) => r.str.trim());
  return {
    runs,
    x0: Math.min(...visible.map((r) => r.x)),
    x1: Math.max(...visible.map((r) => r.x + r.w)),
    y: Math.max(...visible.map((r) => r.y)),
    h: Math.max(1, ...visible.map((r) => r.h)),
    chars: visible.reduce((n, r) => n + r.str.trim().length, 0),
  };
}

/**
 * The x of a vertical gutter crossed by few segments, with real text on both sides. Each side
 * must hold at least 12% of the page's characters, so right-aligned dates in a single-column
 * resume do not make a column.
 */
export function findGutter(segs: Segment[], pageWidth: number): number | null {
  if (segs.length < 8) return null;
  const total = segs.reduce((n, s) => n + s.chars, 0);
  let best: { x: number; crossing: number } | null = null;
  for (let x = Math.round(pageWidth * 0.2); x <= pageWidth * 0.8; x += 2) {
    let crossing = 0;
    let leftChars = 0;
    let rightChars = 0;
    for (const s of segs) {
      if (s.x0 < x - 3 && s.x1 > x + 3) crossing++;
      else if (s.x1 <= x + 3) leftChars += s.chars;
      else rightChars += s.chars;
    }
    if (leftChars < 0.12 * total || rightChars < 0.12 * total) continue;
    if (crossing > Math.max(2, 0.08 * segs.length)) continue;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  return best ? widestBand(segs, best.x, best.crossing) : null;
}

/** Moves the gutter to the middle of the empty band around x, so both column edges are clear. */
function widestBand(segs: Segment[], x: number, crossing: number): number {
  const crosses = (g: number) => segs.filter((s) => s.x0 < g - 3 && s.x1 > g + 3).length;
  let lo = x;
  let hi = x;
  while (crosses(lo - 1) <= crossing && lo > x - 200) lo--;
  while (crosses(hi + 1) <= crossing && hi < x + 200) hi++;
  return (lo + hi) / 2;
}

/**
 * Until both columns have started, text is read top-down (a name or title above the columns
 * belongs to neither); after that, left before right between full-width segments.
 */
function orderByColumns(segs: Segment[], gutter: number): Segment[] {
  const isLeft = (s: Segment) => s.x1 <= gutter + 3;
  const isRight = (s: Segment) => !isLeft(s) && s.x0 >= gutter - 3;
  const bothStart = Math.min(
    Math.max(...segs.filter(isLeft).map((s) => s.y)),
    Math.max(...segs.filter(isRight).map((s) => s.y)),
  );
  const out: Segment[] = [];
  let left: Segment[] = [];
  let right: Segment[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const s of segs) {
    if (s.y > bothStart + 0.5 * s.h) out.push(s);
    else if (isLeft(s)) left.push(s);
    else if (isRight(s)) right.push(s);
    else {
      flush();
      out.push(s);
    }
  }
  flush();
  return out;
}

function render(segs: Segment[], gutter: number | null): PageText {
  let text = '';
  const hidden: [number, number][] = [];
  let prev: Segment | null = null;
  for (const s of segs) {
    if (prev) text += separator(prev, s, gutter);
    for (const [i, r] of s.runs.entries()) {
      const before = s.runs[i - 1];
      if (before && needsSpace(before, r, text)) text += ' ';
      const start = text.length;
      text += r.str;
      if (r.hidden && r.str.trim()) hidden.push([start, text.length]);
    }
    prev = s;
  }
  return { text, hidden };
}

function sameColumn(a: Segment, b: Segment, gutter: number | null): boolean {
  if (gutter === null) return true;
  return a.x1 <= gutter + 3 === b.x1 <= gutter + 3;
}

/** Tab between segments of one visual line, blank line at paragraph gaps, else a newline. */
function separator(prev: Segment, s: Segment, gutter: number | null): string {
  const dy = prev.y - s.y;
  if (Math.abs(dy) <= 0.35 * Math.max(prev.h, s.h) && s.x0 > prev.x1) return '\t';
  if (sameColumn(prev, s, gutter) && dy > 2 * Math.max(prev.h, s.h)) return '\n\n';
  return '\n';
}

function needsSpace(a: TextRun, b: TextRun, text: string): boolean {
  if (!a.str.trim() || !b.str.trim()) return !/\s$/.test(text) && !/^\s/.test(b.str);
  if (/\s$/.test(a.str) || /^\s/.test(b.str)) return false;
  const em = Math.max(a.h, b.h, 1);
  return b.x - (a.x + a.w) > SPACE_GAP_EM * em;
}
