/**
 * Dates and date ranges as resumes print them: `04/2013`, `4/2013`, `2013-04`, `04-2013`,
 * `01/15/2019`, `Jan 2019`, `January 2019`, `Jan. 2019`, `Jan '19`, `Sept 2019`, `Summer 2019`,
 * `2019`, and the open end `Present` (Current, Now, Today, Till date, To date, Ongoing).
 * A range joins two dates with -, –, —, to, till, until or through; `Since 2019` opens one.
 */
export interface YearMonth {
  year: number;
  /** 1..12 */
  month: number;
  /** Only the year was printed. */
  yearOnly: boolean;
}

export interface DateRange {
  start: YearMonth;
  end?: YearMonth;
  current: boolean;
  /** Offsets of the whole range in the searched string. */
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)';
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
const SHORT_YEAR = "'\\d{2}";
/** One date; alternatives are ordered so that the longest form wins. */
const DATE =
  `(?:${MONTH_NAME}\\.?,?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s*)?(?:${YEAR}|${SHORT_YEAR})` +
  `|\\d{1,2}[/.-]\\d{1,2}[/.-]${YEAR}|\\d{1,2}[/.-]${YEAR}|${YEAR}[/.-]\\d{1,2}(?![\\d/.-])|${YEAR})`;
const OPEN_END = '(?:present|current(?:ly)?|now|today|till\\s+date|to\\s+date|ongoing|date)';
const JOIN = '\\s*(?:-|–|—|to|till|until|through|thru|~)\\s*';
const MONTH_ONLY = `${MONTH_NAME}\\.?`;

const RANGE_RE = new RegExp(
  `(?<![\\w/.-])(?:(?:from\\s+)?(${DATE}|${MONTH_ONLY})${JOIN}(${DATE}|${OPEN_END})|since\\s+(${DATE}))(?![\\w/])`,
  'gi',
);
const SINGLE_RE = new RegExp(`(?<![\\w/.-])(${DATE})(?![\\w/])`, 'gi');

/** Parses one date expression; null when it is not a date this module knows. */
export function parseDate(raw: string): YearMonth | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^([a-z]+)\.?,? ?(?:\d{1,2}(?:st|nd|rd|th)?,? ?)?(\d{4}|'\d{2})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1]] ?? SEASONS[m[1]];
    if (!month) return null;
    return { year: toYear(m[2]), month, yearOnly: false };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validMonth(+m[3], +m[1] <= 12 ? +m[1] : +m[2]);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validMonth(+m[2], +m[1]);
  m = /^(\d{4})[/.-](\d{1,2})$/.exec(s);
  if (m) return validMonth(+m[1], +m[2]);
  m = /^(\d{4})$/.exec(s);
  if (m) return { year: +m[1], month: 1, yearOnly: true };
  return null;
}

function toYear(y: string): number {
  if (!y.startsWith("'")) return +y;
  const n = +y.slice(1);
  return n > 50 ? 1900 + n : 2000 + n;
}

function validMonth(year: number, month: number): YearMonth | null {
  return month >= 1 && month <= 12 ? { year, month, yearOnly: false } : null;
}

/** All date ranges in a string, left to right. */
export function findDateRanges(s: string): DateRange[] {
  const out: DateRange[] = [];
  for (const m of s.matchAll(RANGE_RE)) {
    const range = toRange(m);
    if (range) out.push(range);
  }
  return out;
}

function toRange(m: RegExpMatchArray): DateRange | null {
  const base = { index: m.index ?? 0, length: m[0].length };
  if (m[3]) {
    const start = parseDate(m[3]);
    return start ? { ...base, start, current: true } : null;
  }
  const endRaw = m[2];
  const current = new RegExp(`^${OPEN_END}$`, 'i').test(endRaw.trim());
  const end = current ? undefined : parseDate(endRaw);
  let start = parseDate(m[1]);
  if (!start && end) {
    // "Jan – Mar 2020": the start borrows the end's year.
    const month = MONTHS[m[1].toLowerCase().replace('.', '')];
    start = month ? { year: end.year, month, yearOnly: false } : null;
  }
  if (!start || (!current && !end)) return null;
  if (end && ym(end) < ym(start)) return null;
  return { ...base, start, end: end ?? undefined, current };
}

/** All single dates in a string (for graduation years and certification dates). */
export function findDates(s: string): { date: YearMonth; index: number; length: number }[] {
  const out: { date: YearMonth; index: number; length: number }[] = [];
  for (const m of s.matchAll(SINGLE_RE)) {
    const date = parseDate(m[1]);
    if (date) out.push({ date, index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

export const ym = (d: YearMonth): number => d.year * 12 + (d.month - 1);

export const formatYearMonth = (d: YearMonth): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}`;

/** Inclusive month count of a range; an open range runs to `now`. */
export function rangeMonths(
  r: { start: YearMonth; end?: YearMonth; current: boolean },
  now: Date,
): number {
  const endYm = r.end ? ym(r.end) : now.getUTCFullYear() * 12 + now.getUTCMonth();
  return Math.max(0, endYm - ym(r.start) + 1);
}

/** Total months covered by the intervals, with overlaps counted once. */
export function mergedMonths(intervals: [number, number][]): number {
  const sorted = intervals.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const [a, b] of sorted) {
    if (cur && a <= cur[1] + 1) cur[1] = Math.max(cur[1], b);
    else {
      if (cur) total += cur[1] - cur[0] + 1;
      cur = [a, b];
    }
  }
  if (cur) total += cur[1] - cur[0] + 1;
  return total;
}
