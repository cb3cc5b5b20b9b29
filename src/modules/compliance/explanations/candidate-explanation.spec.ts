import { candidateExplanation, toSecondPerson } from './candidate-explanation';

const explanation = {
  contributions: [
    { feature: 'required_skill_coverage', value: 0.8, contribution: 14.2 },
    { feature: 'education_gap', value: 1, contribution: -3.1 },
  ],
  reasons: [
    {
      text: 'Has 4 of 5 required skills; missing: Kubernetes',
      impact: 'positive',
      evidence: [{ start: 1, end: 5 }],
    },
    { text: '6 years of relevant experience (3 required)', impact: 'positive' },
    { text: "Bachelor's degree (master's required)", impact: 'negative' },
    { text: 'Scored 12 points above the median of other candidates', impact: 'positive' },
  ],
  baseline: 41.5,
};

describe(candidateExplanation.name, () => {
  const out = candidateExplanation('app1', 'Senior Backend Engineer', 'scored', explanation);

  it('lists the main factors in second person, favourable and not', () => {
    expect(out.strengths).toEqual([
      'Your resume shows 4 of the 5 required skills; missing: Kubernetes',
      'You have 6 years of relevant experience (3 required)',
    ]);
    expect(out.gaps).toEqual(["Education: Bachelor's degree (master's required)"]);
    expect(out.automatedAssessment).toBe(true);
    expect(out.text).toContain(
      'What counted in your favour:\n- Your resume shows 4 of the 5 required skills; missing: Kubernetes.',
    );
    expect(out.text).toContain('Senior Backend Engineer');
    expect(out.text).toContain('a person');
  });

  it('reveals no score, weight, baseline, feature name or comparison with others', () => {
    const body = JSON.stringify(out);
    for (const leak of [
      '14.2',
      '-3.1',
      '41.5',
      'required_skill_coverage',
      'contribution',
      'median',
      'other candidates',
      'points',
      'strong_fit',
      'evidence',
    ]) {
      expect(body).not.toContain(leak);
    }
  });

  it('tells an opted-out candidate that no automated assessment was made', () => {
    const o = candidateExplanation('app2', 'Nurse', 'opted_out', explanation);
    expect(o).toMatchObject({ automatedAssessment: false, strengths: [], gaps: [] });
    expect(o.text).toMatch(/not assessed by our automated screening tool/);
    expect(o.text).not.toContain('Kubernetes');
  });

  it('keeps sentences it has no rewrite for', () => {
    expect(toSecondPerson('Something new')).toBe('Something new');
    expect(toSecondPerson('Lists 12 skills across 3 role(s)')).toBe(
      'Your resume lists 12 skills across 3 role(s)',
    );
  });
});
