/** Loose resume dates ("Nov 2019", "06/2012", "January 2016", "2019", "Till Date") as month indexes. */
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
  oct: 10,
  nov: 11,
  dec: 12,
};

export type LooseDate =
  { kind: 'month'; index: number } | { kind: 'present' } | { kind: 'unknown' };

const PRESENT_RE =
  /^(?:till\s*date|to\s*date|current(?:ly)?|present|ongoing|now|continuing|running)$/i;

export function parseLooseDate(raw: string | null | undefined): LooseDate {
  const s = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (PRESENT_RE.test(s)) return { kind: 'present' };
  let m = /^([a-z]{3})[a-z]*\.?,?\s*'?(\d{2}|\d{4})$/i.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return month(fullYear(m[2]), MONTHS[m[1].toLowerCase()]);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return month(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return month(Number(m[3]), Math.min(12, Math.max(1, Number(m[1]))));
  m = /^(\d{4})$/.exec(s);
  if (m) return month(Number(m[1]), 1);
  return { kind: 'unknown' };
}

/** "YYYY-MM" of a month index. */
export function formatMonth(index: number): string {
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  return `${y}-${String(mo).padStart(2, '0')}`;
}

export const monthIndex = (year: number, month1: number): number => year * 12 + month1 - 1;

function month(year: number, month1: number): LooseDate {
  if (year < 1950 || year > 2100) return { kind: 'unknown' };
  return { kind: 'month', index: monthIndex(year, month1) };
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
