import { buildImpactReport } from './impact-report';
import { ll144Summary } from './ll144-summary';

describe(ll144Summary.name, () => {
  it('publishes rates and ratios rounded to 3 decimals, with the unknown counts', () => {
    // Men 2/3 ≈ 0.667 selected, women 1/3 ≈ 0.333 → ratio 0.5; one applicant of unknown sex.
    const report = buildImpactReport([
      { sex: 'male', race: 'asian', selected: true },
      { sex: 'male', race: 'asian', selected: true },
      { sex: 'male', race: 'white', selected: false },
      { sex: 'female', race: 'white', selected: true },
      { sex: 'female', race: 'white', selected: false },
      { sex: 'female', race: 'black', selected: false },
      { sex: 'unknown', race: 'black', selected: false },
    ]);
    const s = ll144Summary(report, {
      auditDate: '2025-01-31',
      selectionMeaning: 'labelled strong_fit by the screening model',
      rateKind: 'selection rate',
      modelVersions: ['v1'],
    });
    expect(s.totalApplicants).toBe(7);
    expect(s.unknown).toEqual({ sex: 1, raceEthnicity: 0, intersectional: 1 });
    expect(s.sex).toEqual([
      { category: 'Male', applicants: 3, rate: 0.667, impactRatio: 1 },
      { category: 'Female', applicants: 3, rate: 0.333, impactRatio: 0.5 },
    ]);
    expect(s.raceEthnicity.find((r) => r.category === 'Asian')).toEqual({
      category: 'Asian',
      applicants: 2,
      rate: 1,
      impactRatio: 1,
    });
    expect(s.notes[0]).toBe('Selected means: labelled strong_fit by the screening model.');
    expect(s.notes).toEqual(expect.arrayContaining(report.warnings));
  });
});
