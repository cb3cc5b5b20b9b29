import { auc, mae, ndcgAt, precisionAt, ranks, spearman } from './metrics';

describe('metrics', () => {
  it('ranks ties by their mean position', () =>
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]));

  it('computes Spearman, including perfect and inverted orders', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNaN();
  });

  it('computes AUC with ties counted half', () => {
    expect(auc([0.9, 0.8, 0.1, 0.2], [true, true, false, false])).toBe(1);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
  });

  it('computes NDCG@k, P@k and MAE', () => {
    expect(ndcgAt([3, 2, 1], [1, 0.5, 0])).toBeCloseTo(1);
    expect(ndcgAt([1, 2, 3], [1, 0, 0], 1)).toBe(0);
    expect(precisionAt([0.9, 0.1, 0.8], [true, false, false], 2)).toBe(0.5);
    expect(mae([0.5, 1], [0, 1])).toBe(0.25);
  });
});
