/**
 * How related two taxonomy categories are, learned from which categories co-occur on the same
 * training resumes (an aggregate shipped in the stats file, like IDF). It lets "web-backend" on a
 * resume count partly towards a "databases" job: a soft cosine over category histograms.
 */
export type CategoryAffinity = Record<string, Record<string, number>>;

/** Correlation-normalised co-occurrence of L2-normalised category histograms. */
export function fitCategoryAffinity(
  histograms: readonly ReadonlyMap<string, number>[],
): CategoryAffinity {
  const gram = new Map<string, Map<string, number>>();
  for (const h of histograms) {
    const norm = Math.hypot(...h.values());
    if (!norm) continue;
    const v = [...h].map(([k, x]) => [k, x / norm] as const);
    for (const [a, x] of v) {
      const row = gram.get(a) ?? new Map<string, number>();
      for (const [b, y] of v) row.set(b, (row.get(b) ?? 0) + x * y);
      gram.set(a, row);
    }
  }
  const out: CategoryAffinity = {};
  for (const a of [...gram.keys()].sort()) {
    const row = gram.get(a) as Map<string, number>;
    const aa = row.get(a) ?? 0;
    out[a] = {};
    for (const b of [...row.keys()].sort()) {
      const bb = gram.get(b)?.get(b) ?? 0;
      const s = aa > 0 && bb > 0 ? (row.get(b) ?? 0) / Math.sqrt(aa * bb) : 0;
      if (s >= 0.01) out[a][b] = Math.round(s * 1e4) / 1e4;
    }
  }
  return out;
}

/** Soft cosine a·S·b / sqrt(a·S·a · b·S·b); categories unknown to S relate only to themselves. */
export function softCosine(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  s: CategoryAffinity,
): number {
  const form = (x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number => {
    let total = 0;
    for (const [i, xi] of x)
      for (const [j, yj] of y) total += xi * yj * (i === j ? 1 : (s[i]?.[j] ?? 0));
    return total;
  };
  const den = Math.sqrt(form(a, a) * form(b, b));
  return den > 0 ? form(a, b) / den : 0;
}
