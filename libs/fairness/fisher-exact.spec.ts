import { fisherExactTwoSided } from './fisher-exact';

/** n choose k, exactly, for the small tables computed by hand below. */
const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};

describe(fisherExactTwoSided.name, () => {
  it("matches Fisher's tea-tasting table [[3,1],[1,3]] worked by hand", () => {
    // Margins 4/4 and 4/4, n = 8: P(a=k) = C(4,k)·C(4,4−k)/C(8,4) = 1,16,36,16,1 over 70.
    // Observed a=3 has 16/70; tables at least as unlikely: a=0,1,3,4 → (1+16+16+1)/70 = 34/70.
    expect(choose(8, 4)).toBe(70);
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });

  it('gives 2/252 for a perfect split [[0,5],[5,0]]', () => {
    // C(10,5) = 252 tables-worth of weight; only a=0 and a=5 have probability 1/252 each.
    expect(fisherExactTwoSided(0, 5, 5, 0)).toBeCloseTo(2 / 252, 12);
  });

  it('is 1 when both groups are selected at the same rate', () => {
    expect(fisherExactTwoSided(2, 2, 2, 2)).toBeCloseTo(1, 12);
    expect(fisherExactTwoSided(0, 0, 0, 0)).toBe(1);
  });

  it('handles an unbalanced table [[1,9],[11,3]] worked by hand', () => {
    // Rows 10 and 14, selected column 12, n = 24. P(a) = C(10,a)·C(14,12−a)/C(24,12).
    const total = choose(24, 12);
    const prob = (a: number) => (choose(10, a) * choose(14, 12 - a)) / total;
    const observed = prob(1);
    let expected = 0;
    for (let a = 0; a <= 10; a++) if (prob(a) <= observed * (1 + 1e-7)) expected += prob(a);
    // The two tails: a ∈ {0,1} and a ∈ {9,10}.
    expect(expected).toBeCloseTo(prob(0) + prob(1) + prob(9) + prob(10), 12);
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(expected, 10);
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.002759, 6);
  });

  it('is symmetric in the two groups', () => {
    expect(fisherExactTwoSided(7, 13, 2, 18)).toBeCloseTo(fisherExactTwoSided(2, 18, 7, 13), 12);
  });

  it('stays finite and in [0,1] for large counts', () => {
    const p = fisherExactTwoSided(4000, 6000, 3500, 6500);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-10);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => fisherExactTwoSided(-1, 2, 3, 4)).toThrow(RangeError);
    expect(() => fisherExactTwoSided(1.5, 2, 3, 4)).toThrow(RangeError);
  });
});
