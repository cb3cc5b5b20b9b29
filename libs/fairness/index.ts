/** Fairness statistics for adverse-impact reports. Pure TypeScript: no Nest, no I/O. */
export * from './categories';
export { fisherExactTwoSided } from './fisher-exact';
export {
  impactTable,
  rate,
  type GroupTally,
  type ImpactOptions,
  type ImpactRow,
  type ImpactTable,
  type UnknownTally,
} from './impact-ratios';
export {
  aboveMedian,
  buildImpactReport,
  type ApplicantOutcome,
  type ImpactReport,
} from './impact-report';
export {
  ll144Summary,
  type Ll144Summary,
  type RateKind,
  type SummaryContext,
  type SummaryRow,
} from './ll144-summary';
export { csvField, IMPACT_CSV_HEADER, impactReportCsv, renderCsv, type Cell } from './csv';
