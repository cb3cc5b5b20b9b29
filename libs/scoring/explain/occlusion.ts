import { FEATURE_NAMES } from '../features/feature-names';
import type { RunMatrix } from '../model/screening-model';
import type { Contribution } from '../score.types';

export interface ExplainedRow {
  probability: number;
  expected: number;
  contributions: Contribution[];
}

/**
 * Baseline-replacement (occlusion) attributions for a tree model, batched into ONE model run:
 * for each input, its own row plus one row per feature with that feature set to the reference
 * value (features already at the reference need no row: their contribution is exactly 0), and one
 * row for the reference itself. contribution_f = score(x) − score(x with f := reference), so
 * neutralising a feature with a positive contribution lowers the score by exactly that much.
 */
export async function explainBatch(
  vectors: readonly Float32Array[],
  reference: Float32Array,
  run: RunMatrix,
): Promise<{ results: ExplainedRow[]; baseline: number }> {
  const F = FEATURE_NAMES.length;
  const plan: { item: number; feature: number }[] = [];
  vectors.forEach((v, item) => {
    plan.push({ item, feature: -1 });
    for (let f = 0; f < F; f++) if (v[f] !== reference[f]) plan.push({ item, feature: f });
  });
  const rows = plan.length + 1;
  const matrix = new Float32Array(rows * F);
  plan.forEach((p, r) => {
    matrix.set(vectors[p.item], r * F);
    if (p.feature >= 0) matrix[r * F + p.feature] = reference[p.feature];
  });
  matrix.set(reference, plan.length * F);
  const { probability, expected } = await run(matrix, rows);
  const results: ExplainedRow[] = vectors.map(() => ({
    probability: 0,
    expected: 0,
    contributions: [],
  }));
  const own = new Map<number, number>();
  plan.forEach((p, r) => {
    if (p.feature < 0) {
      own.set(p.item, probability[r]);
      results[p.item].probability = probability[r];
      results[p.item].expected = expected[r];
    }
  });
  plan.forEach((p, r) => {
    if (p.feature < 0) return;
    const delta = 100 * ((own.get(p.item) ?? 0) - probability[r]);
    results[p.item].contributions.push({
      feature: FEATURE_NAMES[p.feature],
      value: round(vectors[p.item][p.feature]),
      contribution: round(delta),
    });
  });
  for (const r of results)
    r.contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return { results, baseline: round(100 * probability[plan.length]) };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
