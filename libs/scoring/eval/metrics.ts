/** Ranking and classification metrics used by `screener evaluate` (and mirrored in models/training/cv.py). */

/** Average ranks (1-based), ties sharing the mean of their positions. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = r;
    i = j + 1;
  }
  return out;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : NaN;
}

/** Spearman rank correlation; NaN when either side is constant. */
export const spearman = (a: readonly number[], b: readonly number[]): number =>
  pearson(ranks(a), ranks(b));

/** NDCG@k of `scores` with `gains` as graded relevance; ties in scores keep input order. */
export function ndcgAt(scores: readonly number[], gains: readonly number[], k = 10): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const dcg = (g: number[]): number =>
    g.slice(0, k).reduce((s, x, i) => s + x / Math.log2(i + 2), 0);
  const ideal = dcg([...gains].sort((a, b) => b - a));
  return ideal > 0 ? dcg(order.map(([, i]) => gains[i])) / ideal : 0;
}

/** ROC AUC (Mann–Whitney, ties count half); NaN without both classes. */
export function auc(scores: readonly number[], positive: readonly boolean[]): number {
  const r = ranks(scores);
  let pos = 0;
  let rankSum = 0;
  positive.forEach((p, i) => {
    if (p) {
      pos++;
      rankSum += r[i];
    }
  });
  const neg = positive.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

export const mae = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, x, i) => s + Math.abs(x - b[i]), 0) / a.length;

/** Share of the top k (by score) that are relevant. */
export function precisionAt(
  scores: readonly number[],
  relevant: readonly boolean[],
  k = 10,
): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const top = order.slice(0, k);
  return top.length ? top.filter(([, i]) => relevant[i]).length / Math.min(k, top.length) : 0;
}

export function mean(xs: readonly number[]): number {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : NaN;
}
