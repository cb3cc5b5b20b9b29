import { ApplicantOutcome, aboveMedian, buildImpactReport } from './impact-report';

function many(
  n: number,
  o: Omit<ApplicantOutcome, 'selected'>,
  selected: number,
): ApplicantOutcome[] {
  return Array.from({ length: n }, (_, i) => ({ ...o, selected: i < selected }));
}

describe(buildImpactReport.name, () => {
  // Fifty applicants, worked by hand:
  //   female·black 10 (2 selected)   female·white 10 (5)   male·black 10 (4)   male·white 10 (6)
  //   unknown sex·white 4 (1)        male·declined race 6 (3)
  const outcomes: ApplicantOutcome[] = [
    ...many(10, { sex: 'female', race: 'black' }, 2),
    ...many(10, { sex: 'female', race: 'white' }, 5),
    ...many(10, { sex: 'male', race: 'black' }, 4),
    ...many(10, { sex: 'male', race: 'white' }, 6),
    ...many(4, { sex: 'unknown', race: 'white' }, 1),
    ...many(6, { sex: 'male', race: 'unknown' }, 3),
  ];
  const report = buildImpactReport(outcomes);
  const row = (t: typeof report.sex, c: string) => t.rows.find((r) => r.category === c)!;

  it('counts everyone once, selected or not', () => {
    expect(report.applicants).toBe(50);
    expect(report.selected).toBe(2 + 5 + 4 + 6 + 1 + 3);
  });

  it('sex: men 13/26 = 0.5, women 7/20 = 0.35 → ratio 0.7, flagged; 4 unknown (1 selected)', () => {
    expect(row(report.sex, 'male')).toMatchObject({
      applicants: 26,
      selected: 13,
      selectionRate: 0.5,
      impactRatio: 1,
    });
    expect(row(report.sex, 'female')).toMatchObject({
      applicants: 20,
      selected: 7,
      fourFifthsFlag: true,
    });
    expect(row(report.sex, 'female').impactRatio).toBeCloseTo(0.7, 12);
    expect(report.sex.unknown).toEqual({ applicants: 4, selected: 1, selectionRate: 0.25 });
  });

  it('race: White 12/24 = 0.5, Black 6/20 = 0.3 → ratio 0.6, flagged; 6 unknown (3 selected)', () => {
    expect(row(report.raceEthnicity, 'white')).toMatchObject({
      applicants: 24,
      selected: 12,
      impactRatio: 1,
      reference: true,
    });
    expect(row(report.raceEthnicity, 'black').impactRatio).toBeCloseTo(0.6, 12);
    expect(row(report.raceEthnicity, 'asian')).toMatchObject({
      applicants: 0,
      selectionRate: null,
    });
    expect(report.raceEthnicity.unknown).toMatchObject({ applicants: 6, selected: 3 });
    expect(report.raceEthnicity.rows).toHaveLength(7);
  });

  it('intersections: against White men (0.6): Black women 0.2/0.6, White women 0.5/0.6, Black men 0.4/0.6', () => {
    const t = report.intersectional;
    expect(t.rows).toHaveLength(14);
    expect(t.reference).toBe('male|white');
    expect(row(t, 'female|black').impactRatio).toBeCloseTo(1 / 3, 12);
    expect(row(t, 'female|white').impactRatio).toBeCloseTo(5 / 6, 12);
    expect(row(t, 'female|white').fourFifthsFlag).toBe(false);
    expect(row(t, 'male|black').impactRatio).toBeCloseTo(2 / 3, 12);
    expect(row(t, 'male|black').fourFifthsFlag).toBe(true);
    expect(row(t, 'female|black').label).toBe('Black or African American Female');
    // Anyone with either part unknown: 4 + 6 applicants, 1 + 3 selected.
    expect(t.unknown).toMatchObject({ applicants: 10, selected: 4 });
  });

  it('warns about every small group and about unknowns', () => {
    expect(report.warnings).toContain(
      'sex: Female has 20 applicants (< 30); its impact ratio is unstable, read it with the Fisher p-value.',
    );
    expect(report.warnings).toContain(
      'race/ethnicity: 6 applicants of unknown category are counted separately and excluded from the ratios.',
    );
  });
});

describe(aboveMedian.name, () => {
  it('even count: median of 10,20,30,40 is 25', () => {
    expect(aboveMedian([40, 10, 30, 20])).toEqual({
      median: 25,
      above: [true, false, true, false],
    });
  });
  it('odd count: median of 5,1,3 is 3, and the median itself is not above it', () => {
    expect(aboveMedian([5, 1, 3])).toEqual({ median: 3, above: [true, false, false] });
  });
  it('ties at the median are not above it', () => {
    expect(aboveMedian([50, 50, 50, 60])).toEqual({
      median: 50,
      above: [false, false, false, true],
    });
  });
  it('has no median for no scores', () => {
    expect(aboveMedian([])).toEqual({ median: null, above: [] });
  });
});
