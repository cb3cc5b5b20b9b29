import { fisherExactTwoSided } from './fisher-exact';
import { impactTable } from './impact-ratios';

describe(impactTable.name, () => {
  it('worked example: sex, 100 men with 40 selected vs 80 women with 24 selected', () => {
    // Rates: men 40/100 = 0.40, women 24/80 = 0.30. Men are the most selected group, so the
    // women's impact ratio is 0.30 / 0.40 = 0.75 < 0.8: flagged under the four-fifths rule.
    // The 20 unknowns (5 selected) are reported apart and enter no ratio.
    const t = impactTable(
      'sex',
      [
        { category: 'male', applicants: 100, selected: 40 },
        { category: 'female', applicants: 80, selected: 24 },
      ],
      { applicants: 20, selected: 5 },
    );
    const [male, female] = t.rows;
    expect(t.reference).toBe('male');
    expect(male).toMatchObject({
      label: 'Male',
      selectionRate: 0.4,
      impactRatio: 1,
      fourFifthsFlag: false,
      reference: true,
      fisherP: null,
    });
    expect(female.selectionRate).toBeCloseTo(0.3, 12);
    expect(female.impactRatio).toBeCloseTo(0.75, 12);
    expect(female.fourFifthsFlag).toBe(true);
    expect(female.fisherP).toBeCloseTo(fisherExactTwoSided(24, 56, 40, 60), 12);
    expect(female.smallSample).toBe(false);
    // Shares of the 180 applicants with a known sex.
    expect(male.share).toBeCloseTo(100 / 180, 12);
    expect(t.unknown).toEqual({ applicants: 20, selected: 5, selectionRate: 0.25 });
    expect(t.warnings).toEqual([
      'sex: 20 applicants of unknown category are counted separately and excluded from the ratios.',
    ]);
  });

  it('worked example: a group under 2% cannot be the reference, and an empty group has no ratio', () => {
    // Known applicants: 50 + 40 + 1 = 91. Asian 1/1 = 1.0 is the highest rate but 1/91 ≈ 1.1% < 2%,
    // so White (20/50 = 0.4) is the reference. Black 12/40 = 0.3 → 0.75 (flagged);
    // Asian 1.0 / 0.4 = 2.5. Hispanic or Latino has no applicants: no rate, no ratio, no flag.
    const t = impactTable(
      'race/ethnicity',
      [
        { category: 'hispanic_latino', applicants: 0, selected: 0 },
        { category: 'white', applicants: 50, selected: 20 },
        { category: 'black', applicants: 40, selected: 12 },
        { category: 'asian', applicants: 1, selected: 1 },
      ],
      { applicants: 0, selected: 0 },
    );
    const by = Object.fromEntries(t.rows.map((r) => [r.category, r]));
    expect(t.reference).toBe('white');
    expect(by.black.impactRatio).toBeCloseTo(0.75, 12);
    expect(by.black.fourFifthsFlag).toBe(true);
    expect(by.asian.impactRatio).toBeCloseTo(2.5, 12);
    expect(by.asian).toMatchObject({
      fourFifthsFlag: false,
      belowMinShare: true,
      smallSample: true,
    });
    expect(by.hispanic_latino).toMatchObject({
      selectionRate: null,
      impactRatio: null,
      fourFifthsFlag: false,
      fisherP: null,
      belowMinShare: false,
    });
    expect(t.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Asian has 1 applicants'),
        expect.stringContaining('Asian is under 2%'),
      ]),
    );
    expect(t.warnings.some((w) => w.includes('unknown'))).toBe(false);
  });

  it('defines no ratio when nobody was selected', () => {
    const t = impactTable(
      'sex',
      [
        { category: 'male', applicants: 40, selected: 0 },
        { category: 'female', applicants: 40, selected: 0 },
      ],
      { applicants: 0, selected: 0 },
    );
    expect(t.reference).toBeNull();
    expect(t.rows.every((r) => r.impactRatio === null && !r.fourFifthsFlag)).toBe(true);
    expect(t.warnings[0]).toMatch(/no group was selected/);
  });

  it('honours a custom small-sample threshold and four-fifths cut-off', () => {
    // 9/10 vs 8/10: ratio 0.888…; with a 0.9 cut-off it is flagged, and 10 < 11 is small.
    const t = impactTable(
      'sex',
      [
        { category: 'male', applicants: 10, selected: 9 },
        { category: 'female', applicants: 10, selected: 8 },
      ],
      { applicants: 0, selected: 0 },
      { fourFifths: 0.9, smallSample: 11 },
    );
    expect(t.rows[1].impactRatio).toBeCloseTo(8 / 9, 12);
    expect(t.rows[1].fourFifthsFlag).toBe(true);
    expect(t.rows.every((r) => r.smallSample)).toBe(true);
  });
});
