import { compareShadow, type ShadowScore } from './shadow-compare';

const s = (id: string, score: number, label: ShadowScore['label']): ShadowScore => ({
  id,
  score,
  label,
});

describe(compareShadow.name, () => {
  const active = [
    s('a', 90, 'strong_fit'),
    s('b', 60, 'potential_fit'),
    s('c', 30, 'weak_fit'),
    s('d', 20, 'weak_fit'),
  ];

  it('reports rank agreement and label transitions', () => {
    const candidate = [
      s('a', 85, 'strong_fit'),
      s('b', 40, 'weak_fit'),
      s('c', 50, 'potential_fit'),
      s('d', 10, 'weak_fit'),
    ];
    const r = compareShadow(active, candidate);
    expect(r.count).toBe(4);
    expect(r.spearman).toBeCloseTo(0.8);
    expect(r.labelChanges).toEqual({
      total: 2,
      rate: 0.5,
      transitions: { 'potential_fit->weak_fit': 1, 'weak_fit->potential_fit': 1 },
    });
    expect(r.groups).toBeUndefined();
  });

  it('computes selection-rate and impact-ratio deltas per group', () => {
    const candidate = [
      s('a', 85, 'strong_fit'),
      s('b', 40, 'weak_fit'),
      s('c', 50, 'potential_fit'),
      s('d', 60, 'potential_fit'),
    ];
    const r = compareShadow(active, candidate, { groupOf: { a: 'g1', b: 'g1', c: 'g2', d: 'g2' } });
    expect(r.groups).toEqual([
      {
        group: 'g1',
        count: 2,
        selectionRate: { active: 1, candidate: 0.5, delta: -0.5 },
        impactRatio: { active: 1, candidate: 0.5, delta: -0.5 },
      },
      {
        group: 'g2',
        count: 2,
        selectionRate: { active: 0, candidate: 1, delta: 1 },
        impactRatio: { active: 0, candidate: 1, delta: 1 },
      },
    ]);
  });

  it('ignores applications scored by only one version', () => {
    expect(compareShadow(active, [s('a', 1, 'weak_fit'), s('zz', 1, 'weak_fit')]).count).toBe(1);
  });
});
