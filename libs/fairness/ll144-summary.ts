import type { ImpactReport } from './impact-report';
import type { ImpactTable } from './impact-ratios';

export type RateKind = 'selection rate' | 'scoring rate';

export interface SummaryContext {
  /** When the summary was produced (ISO date). */
  auditDate: string;
  /** Period of the data, ISO dates; open ends are allowed. */
  dataFrom?: string;
  dataTo?: string;
  /** What "selected" means, in words, e.g. "labelled strong_fit by the screening model". */
  selectionMeaning: string;
  rateKind: RateKind;
  /** Model versions that produced the scores in the data. */
  modelVersions: string[];
  jobId?: string;
}

export interface SummaryRow {
  category: string;
  applicants: number;
  /** Rounded to 3 decimals, as published. */
  rate: number | null;
  impactRatio: number | null;
}

export interface Ll144Summary extends SummaryContext {
  title: string;
  dataSource: string;
  totalApplicants: number;
  unknown: { sex: number; raceEthnicity: number; intersectional: number };
  sex: SummaryRow[];
  raceEthnicity: SummaryRow[];
  intersectional: SummaryRow[];
  notes: string[];
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

const rows = (t: ImpactTable): SummaryRow[] =>
  t.rows.map((r) => ({
    category: r.label,
    applicants: r.applicants,
    rate: round3(r.selectionRate),
    impactRatio: round3(r.impactRatio),
  }));

/**
 * The public summary a NYC LL144 bias audit publishes: data source and period, number of
 * applicants, the unknown counts, and per category the selection (or scoring) rate and impact
 * ratio. Historical data of this deployment is the source; the auditor adds their own name.
 */
export function ll144Summary(report: ImpactReport, ctx: SummaryContext): Ll144Summary {
  const notes = [
    `Selected means: ${ctx.selectionMeaning}.`,
    'Impact ratio = a category’s rate divided by the rate of the most selected category.',
    'Demographic data is voluntary self-identification; declined or missing answers are counted as unknown and excluded from the ratios.',
    ...report.warnings,
  ];
  return {
    title: 'Summary of bias audit results (NYC Local Law 144 style)',
    ...ctx,
    dataSource:
      'Historical applications processed by this deployment, joined with voluntary self-identification data.',
    totalApplicants: report.applicants,
    unknown: {
      sex: report.sex.unknown.applicants,
      raceEthnicity: report.raceEthnicity.unknown.applicants,
      intersectional: report.intersectional.unknown.applicants,
    },
    sex: rows(report.sex),
    raceEthnicity: rows(report.raceEthnicity),
    intersectional: rows(report.intersectional),
    notes,
  };
}
