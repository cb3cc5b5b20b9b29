import { spearman } from '../eval/metrics';
import type { FitLabel } from '../job.types';

/** One application's result under a model version. */
export interface ShadowScore {
  id: string;
  score: number;
  label: FitLabel;
}

export interface GroupImpact {
  group: string;
  count: number;
  selectionRate: { active: number; candidate: number; delta: number };
  /** Selection rate over the highest group's rate (four-fifths rule: < 0.8 flags adverse impact). */
  impactRatio: { active: number; candidate: number; delta: number };
}

export interface ShadowReport {
  /** Applications scored by both versions. */
  count: number;
  /** Spearman correlation of the two score lists (1 = same ranking). */
  spearman: number;
  meanScoreDelta: number;
  labelChanges: { total: number; rate: number; transitions: Record<string, number> };
  /** Present when group labels were given; group labels come from voluntary self-identification only. */
  groups?: GroupImpact[];
}

export interface ShadowOptions {
  /** Application id → demographic group (never read by scoring itself). */
  groupOf?: ReadonlyMap<string, string> | Record<string, string>;
  /** Which labels count as "selected" for impact ratios; default: strong and potential fit. */
  selected?: (label: FitLabel) => boolean;
}

/**
 * Compares a candidate model's scores with the active model's on the same applications, before a
 * promotion: rank agreement, label changes, and per-group selection-rate and impact-ratio deltas.
 * Pure; the caller runs both models and loads group labels.
 */
export function compareShadow(
  active: readonly ShadowScore[],
  candidate: readonly ShadowScore[],
  opts: ShadowOptions = {},
): ShadowReport {
  const cand = new Map(candidate.map((c) => [c.id, c]));
  const pairs = active
    .filter((a) => cand.has(a.id))
    .map((a) => ({ a, c: cand.get(a.id) as ShadowScore }));
  const transitions: Record<string, number> = {};
  let changed = 0;
  for (const { a, c } of pairs) {
    if (a.label === c.label) continue;
    changed++;
    const key = `${a.label}->${c.label}`;
    transitions[key] = (transitions[key] ?? 0) + 1;
  }
  const report: ShadowReport = {
    count: pairs.length,
    spearman:
      pairs.length > 1
        ? spearman(
            pairs.map((p) => p.a.score),
            pairs.map((p) => p.c.score),
          )
        : NaN,
    meanScoreDelta: pairs.length
      ? pairs.reduce((s, p) => s + p.c.score - p.a.score, 0) / pairs.length
      : 0,
    labelChanges: { total: changed, rate: pairs.length ? changed / pairs.length : 0, transitions },
  };
  if (opts.groupOf)
    report.groups = groupImpacts(pairs, opts.groupOf, opts.selected ?? ((l) => l !== 'weak_fit'));
  return report;
}

function groupImpacts(
  pairs: readonly { a: ShadowScore; c: ShadowScore }[],
  groupOf: ReadonlyMap<string, string> | Record<string, string>,
  selected: (label: FitLabel) => boolean,
): GroupImpact[] {
  const lookup = (id: string): string | undefined =>
    groupOf instanceof Map ? groupOf.get(id) : (groupOf as Record<string, string>)[id];
  const tally = new Map<string, { n: number; a: number; c: number }>();
  for (const { a, c } of pairs) {
    const g = lookup(a.id);
    if (g === undefined) continue;
    const t = tally.get(g) ?? { n: 0, a: 0, c: 0 };
    t.n++;
    if (selected(a.label)) t.a++;
    if (selected(c.label)) t.c++;
    tally.set(g, t);
  }
  const rates = [...tally].map(([group, t]) => ({ group, count: t.n, a: t.a / t.n, c: t.c / t.n }));
  const maxA = Math.max(0, ...rates.map((r) => r.a));
  const maxC = Math.max(0, ...rates.map((r) => r.c));
  return rates
    .sort((x, y) => x.group.localeCompare(y.group))
    .map((r) => {
      const ia = maxA > 0 ? r.a / maxA : 1;
      const ic = maxC > 0 ? r.c / maxC : 1;
      return {
        group: r.group,
        count: r.count,
        selectionRate: { active: r.a, candidate: r.c, delta: r.c - r.a },
        impactRatio: { active: ia, candidate: ic, delta: ic - ia },
      };
    });
}
