import { Answers, OutcomeRow, populationFor } from './impact-population';

const row = (id: string, o: Partial<OutcomeRow>): OutcomeRow => ({
  applicationId: id,
  score: null,
  label: null,
  modelVersion: null,
  decision: null,
  ...o,
});

describe(populationFor.name, () => {
  const rows = [
    row('a', { score: 80, label: 'strong_fit', modelVersion: 'v2', decision: 'advance' }),
    row('b', { score: 60, label: 'potential_fit', modelVersion: 'v1', decision: 'reject' }),
    row('c', { score: 40, label: 'weak_fit', modelVersion: 'v1' }),
    row('d', { score: 70, label: 'strong_fit', modelVersion: 'v1', decision: 'hold' }),
    row('e', { decision: 'advance' }), // opted out: never scored, decided by a person
  ];
  const answers = new Map<string, Answers>([
    ['a', { sex: 'female', raceEthnicity: ['asian'] }],
    ['b', { sex: 'male', raceEthnicity: ['white', 'black'] }],
    ['e', { sex: 'declined', raceEthnicity: ['hispanic_latino', 'white'] }],
  ]);

  it('screen by label: scored applications only, selected = strong_fit', () => {
    const p = populationFor(rows, 'screen', 'label', answers);
    expect(p.outcomes).toEqual([
      { sex: 'female', race: 'asian', selected: true },
      { sex: 'male', race: 'two_or_more', selected: false },
      { sex: 'unknown', race: 'unknown', selected: false },
      { sex: 'unknown', race: 'unknown', selected: true },
    ]);
    expect(p.excluded).toBe(1);
    expect(p.modelVersions).toEqual(['v1', 'v2']);
  });

  it('screen by median: scores 80, 60, 40, 70 have median 65, so 80 and 70 are selected', () => {
    const p = populationFor(rows, 'screen', 'median', answers);
    expect(p.median).toBe(65);
    expect(p.outcomes.map((o) => o.selected)).toEqual([true, false, false, true]);
  });

  it('advance: decided applications only, selected = advance, opted-out ones included', () => {
    const p = populationFor(rows, 'advance', 'label', answers);
    expect(p.outcomes.map((o) => o.selected)).toEqual([true, false, false, true]);
    expect(p.outcomes[3]).toEqual({ sex: 'unknown', race: 'hispanic_latino', selected: true });
    expect(p.excluded).toBe(1);
  });
});
