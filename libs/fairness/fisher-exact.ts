/**
 * Two-sided Fisher exact test for a 2×2 table
 *
 *              selected   not selected
 *   group A        a           b
 *   group B        c           d
 *
 * The p-value sums the hypergeometric probabilities of every table with the same margins that is
 * no more likely than the observed one (the usual "minimum likelihood" two-sided definition, as
 * in R's fisher.test). Exact for any size: probabilities are computed in log space.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const x of [a, b, c, d]) {
    if (!Number.isInteger(x) || x < 0)
      throw new RangeError(`fisherExactTwoSided: counts must be non-negative integers (got ${x})`);
  }
  const rowA = a + b;
  const rowB = c + d;
  const colSelected = a + c;
  const n = rowA + rowB;
  if (n === 0) return 1;
  const lf = logFactorials(n);
  const logP = (x: number) =>
    lf[rowA] -
    lf[x] -
    lf[rowA - x] +
    lf[rowB] -
    lf[colSelected - x] -
    lf[rowB - colSelected + x] -
    (lf[n] - lf[colSelected] - lf[n - colSelected]);
  const observed = logP(a);
  // Tables within a relative 1e-7 of the observed probability count as "as extreme" (float ties).
  const cutoff = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = Math.max(0, colSelected - rowB); x <= Math.min(rowA, colSelected); x++) {
    const lp = logP(x);
    if (lp <= cutoff) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
  return lf;
}
