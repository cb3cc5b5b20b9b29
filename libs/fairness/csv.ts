import type { ImpactReport } from './impact-report';
import type { ImpactTable } from './impact-ratios';

export type Cell = string | number | boolean | null | undefined;

// A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when needed, with formula-looking text defused by a leading quote. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with CRLF line ends (RFC 4180). */
export function renderCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const IMPACT_CSV_HEADER = [
  'dimension',
  'category',
  'applicants',
  'selected',
  'selection_rate',
  'impact_ratio',
  'four_fifths_flag',
  'fisher_p',
  'small_sample',
  'below_2pct',
  'reference',
] as const;

const fixed = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

function tableRows(t: ImpactTable): Cell[][] {
  const out: Cell[][] = t.rows.map((r) => [
    t.dimension,
    r.label,
    r.applicants,
    r.selected,
    fixed(r.selectionRate, 4),
    fixed(r.impactRatio, 4),
    r.fourFifthsFlag,
    r.fisherP === null ? null : Number(r.fisherP.toPrecision(4)),
    r.smallSample,
    r.belowMinShare,
    r.reference,
  ]);
  out.push([
    t.dimension,
    'Unknown',
    t.unknown.applicants,
    t.unknown.selected,
    fixed(t.unknown.selectionRate, 4),
    null,
    false,
    null,
    false,
    false,
    false,
  ]);
  return out;
}

/** The report's three tables in one CSV, one row per category plus an "Unknown" row per table. */
export function impactReportCsv(report: ImpactReport): string {
  return renderCsv([
    [...IMPACT_CSV_HEADER],
    ...tableRows(report.sex),
    ...tableRows(report.raceEthnicity),
    ...tableRows(report.intersectional),
  ]);
}
