import { formatMonth, parseLooseDate } from './month-date';

describe(parseLooseDate.name, () => {
  it.each([
    ['Nov 2019', '2019-11'],
    ['January 2016', '2016-01'],
    ['06/2012', '2012-06'],
    ['APR 2020', '2020-04'],
    ['2019', '2019-01'],
    ['03/04/2015', '2015-03'],
  ])('%s → %s', (raw, ym) => {
    const d = parseLooseDate(raw);
    expect(d.kind).toBe('month');
    if (d.kind === 'month') expect(formatMonth(d.index)).toBe(ym);
  });

  it('recognises present and unknown values', () => {
    for (const s of ['Till Date', 'current', 'Ongoing', 'Present'])
      expect(parseLooseDate(s).kind).toBe('present');
    for (const s of ['N/A', '', 'soon', '13/2019']) expect(parseLooseDate(s).kind).toBe('unknown');
  });
});
