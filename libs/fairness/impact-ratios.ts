import { fisherExactTwoSided } from './fisher-exact';
import { labelOf } from './categories';

export interface GroupTally {
  category: string;
  applicants: number;
  selected: number;
}

export interface ImpactOptions {
  /** Below this many applicants a group's ratio is flagged as unreliable (default 30). */
  smallSample?: number;
  /** The four-fifths rule threshold (default 0.8). */
  fourFifths?: number;
  /** Groups under this share of known applicants may be excluded under LL144 (default 0.02). */
  minShare?: number;
}

export interface ImpactRow {
  category: string;
  label: string;
  applicants: number;
  selected: number;
  /** selected / applicants; null without applicants. */
  selectionRate: number | null;
  /** This group's rate over the reference group's; null when undefined. */
  impactRatio: number | null;
  /** impactRatio < 0.8: possible adverse impact under the four-fifths rule. */
  fourFifthsFlag: boolean;
  /** Two-sided Fisher exact p-value of this group against the reference group. */
  fisherP: number | null;
  smallSample: boolean;
  /** applicants / all applicants of known category. */
  share: number;
  belowMinShare: boolean;
  reference: boolean;
}

export interface UnknownTally {
  applicants: number;
  selected: number;
  selectionRate: number | null;
}

export interface ImpactTable {
  dimension: string;
  /** The most-selected group every ratio is taken against, or null when none was selected. */
  reference: string | null;
  rows: ImpactRow[];
  unknown: UnknownTally;
  warnings: string[];
}

export const rate = (selected: number, applicants: number): number | null =>
  applicants > 0 ? selected / applicants : null;

/**
 * Selection rates, impact ratios against the most-selected group, the four-fifths flag and
 * Fisher p-values for one dimension (sex, race/ethnicity or their intersection). The reference
 * group is picked among groups holding at least `minShare` of known applicants when any does,
 * so a tiny group selected by chance cannot become everyone's yardstick. Unknowns never enter
 * a ratio; they are reported on their own.
 */
export function impactTable(
  dimension: string,
  tallies: readonly GroupTally[],
  unknown: { applicants: number; selected: number },
  opts: ImpactOptions = {},
): ImpactTable {
  const { smallSample = 30, fourFifths = 0.8, minShare = 0.02 } = opts;
  const known = tallies.reduce((s, t) => s + t.applicants, 0);
  const ref = referenceGroup(tallies, known, minShare);
  const refRate = ref ? (rate(ref.selected, ref.applicants) ?? 0) : 0;
  const rows = tallies.map((t): ImpactRow => {
    const selectionRate = rate(t.selected, t.applicants);
    const impactRatio =
      ref && selectionRate !== null && refRate > 0 ? selectionRate / refRate : null;
    const isRef = ref?.category === t.category;
    const share = known > 0 ? t.applicants / known : 0;
    return {
      category: t.category,
      label: labelOf(t.category),
      applicants: t.applicants,
      selected: t.selected,
      selectionRate,
      impactRatio,
      fourFifthsFlag: impactRatio !== null && impactRatio < fourFifths,
      fisherP:
        ref && !isRef && t.applicants > 0
          ? fisherExactTwoSided(
              t.selected,
              t.applicants - t.selected,
              ref.selected,
              ref.applicants - ref.selected,
            )
          : null,
      smallSample: t.applicants > 0 && t.applicants < smallSample,
      share,
      belowMinShare: t.applicants > 0 && share < minShare,
      reference: isRef,
    };
  });
  return {
    dimension,
    reference: ref?.category ?? null,
    rows,
    unknown: { ...unknown, selectionRate: rate(unknown.selected, unknown.applicants) },
    warnings: warningsFor(dimension, rows, unknown.applicants, ref, smallSample, minShare),
  };
}

function referenceGroup(
  tallies: readonly GroupTally[],
  known: number,
  minShare: number,
): GroupTally | undefined {
  const withApplicants = tallies.filter((t) => t.applicants > 0);
  const eligible = withApplicants.filter((t) => t.applicants / known >= minShare);
  const pool = eligible.length ? eligible : withApplicants;
  let best: GroupTally | undefined;
  for (const t of pool)
    if (!best || t.selected / t.applicants > best.selected / best.applicants) best = t;
  return best && best.selected > 0 ? best : undefined;
}

function warningsFor(
  dimension: string,
  rows: readonly ImpactRow[],
  unknown: number,
  ref: GroupTally | undefined,
  smallSample: number,
  minShare: number,
): string[] {
  const out: string[] = [];
  if (!ref && rows.some((r) => r.applicants > 0))
    out.push(`${dimension}: no group was selected, so no impact ratio is defined.`);
  for (const r of rows) {
    if (r.smallSample) {
      out.push(
        `${dimension}: ${r.label} has ${r.applicants} applicants (< ${smallSample}); its impact ratio is unstable, read it with the Fisher p-value.`,
      );
    }
    if (r.belowMinShare) {
      out.push(
        `${dimension}: ${r.label} is under ${minShare * 100}% of applicants with a known category; an LL144 auditor may exclude it from the impact ratios.`,
      );
    }
  }
  if (unknown > 0)
    out.push(
      `${dimension}: ${unknown} applicants of unknown category are counted separately and excluded from the ratios.`,
    );
  return out;
}
