import {
  INTERSECTIONAL_CATEGORIES,
  intersectionKey,
  RACE_CATEGORIES,
  RaceCategory,
  SEX_CATEGORIES,
  SexCategory,
  UNKNOWN,
} from './categories';
import { GroupTally, impactTable, ImpactOptions, ImpactTable } from './impact-ratios';

/** One applicant as the report sees it: categories (or unknown) and whether they were selected. */
export interface ApplicantOutcome {
  sex: SexCategory | typeof UNKNOWN;
  race: RaceCategory | typeof UNKNOWN;
  selected: boolean;
}

export interface ImpactReport {
  applicants: number;
  selected: number;
  sex: ImpactTable;
  raceEthnicity: ImpactTable;
  intersectional: ImpactTable;
  /** Every table's warnings, in order. */
  warnings: string[];
}

/** The LL144 tables: sex, race/ethnicity, and every sex × race/ethnicity intersection. */
export function buildImpactReport(
  outcomes: readonly ApplicantOutcome[],
  opts: ImpactOptions = {},
): ImpactReport {
  const sex = tabulate(SEX_CATEGORIES, outcomes, (o) => o.sex);
  const race = tabulate(RACE_CATEGORIES, outcomes, (o) => o.race);
  const both = tabulate(INTERSECTIONAL_CATEGORIES, outcomes, (o) =>
    o.sex === UNKNOWN || o.race === UNKNOWN ? UNKNOWN : intersectionKey(o.sex, o.race),
  );
  const tables = {
    sex: impactTable('sex', sex.tallies, sex.unknown, opts),
    raceEthnicity: impactTable('race/ethnicity', race.tallies, race.unknown, opts),
    intersectional: impactTable('sex × race/ethnicity', both.tallies, both.unknown, opts),
  };
  return {
    applicants: outcomes.length,
    selected: outcomes.filter((o) => o.selected).length,
    ...tables,
    warnings: [
      ...tables.sex.warnings,
      ...tables.raceEthnicity.warnings,
      ...tables.intersectional.warnings,
    ],
  };
}

function tabulate(
  categories: readonly string[],
  outcomes: readonly ApplicantOutcome[],
  keyOf: (o: ApplicantOutcome) => string,
): { tallies: GroupTally[]; unknown: { applicants: number; selected: number } } {
  const byKey = new Map(categories.map((c) => [c, { category: c, applicants: 0, selected: 0 }]));
  const unknown = { applicants: 0, selected: 0 };
  for (const o of outcomes) {
    const slot = byKey.get(keyOf(o)) ?? unknown;
    slot.applicants++;
    if (o.selected) slot.selected++;
  }
  return { tallies: [...byKey.values()], unknown };
}

/**
 * The median of `scores` and, for each score, whether it lies strictly above it: LL144's
 * "scoring rate" for tools that score rather than select. An empty list has no median.
 */
export function aboveMedian(scores: readonly number[]): {
  median: number | null;
  above: boolean[];
} {
  if (scores.length === 0) return { median: null, above: [] };
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, above: scores.map((s) => s > median) };
}
