import {
  findDateRanges,
  findDates,
  formatYearMonth,
  mergedMonths,
  parseDate,
  rangeMonths,
} from './dates';

const fmt = (s: string) => {
  const d = parseDate(s);
  return d ? formatYearMonth(d) : null;
};

describe('parseDate', () => {
  it.each([
    ['04/2013', '2013-04'],
    ['4/2013', '2013-04'],
    ['04-2013', '2013-04'],
    ['04.2013', '2013-04'],
    ['2013-04', '2013-04'],
    ['2013/04', '2013-04'],
    ['01/15/2019', '2019-01'],
    ['15/01/2019', '2019-01'],
    ['Jan 2019', '2019-01'],
    ['January 2019', '2019-01'],
    ['Jan. 2019', '2019-01'],
    ['Jan, 2019', '2019-01'],
    ['Sept 2019', '2019-09'],
    ['Sep 2019', '2019-09'],
    ['September 2019', '2019-09'],
    ["Mar '18", '2018-03'],
    ["Dec '99", '1999-12'],
    ['June 5, 2020', '2020-06'],
    ['Summer 2019', '2019-06'],
    ['Fall 2020', '2020-09'],
    ['2019', '2019-01'],
  ])('%s → %s', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });

  it('marks year-only dates', () => {
    expect(parseDate('2019')?.yearOnly).toBe(true);
    expect(parseDate('Jan 2019')?.yearOnly).toBe(false);
  });

  it.each(['13/2019', 'Foo 2019', '2019-13', 'present'])('rejects %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('findDateRanges', () => {
  const one = (s: string) => {
    const [r] = findDateRanges(s);
    return r ? [formatYearMonth(r.start), r.end ? formatYearMonth(r.end) : null, r.current] : null;
  };

  it.each([
    ['04/2013 to Current', ['2013-04', null, true]],
    ['Jan 2019 – Present', ['2019-01', null, true]],
    ['Jan 2019 - Mar 2020', ['2019-01', '2020-03', false]],
    ['2019 – 2021', ['2019-01', '2021-01', false]],
    ['2019-2021', ['2019-01', '2021-01', false]],
    ['2019—2021', ['2019-01', '2021-01', false]],
    ['06/2018 to 02/2021', ['2018-06', '2021-02', false]],
    ['July 2016 to Present', ['2016-07', null, true]],
    ['from May 2015 until June 2017', ['2015-05', '2017-06', false]],
    ['Mar 2010 through Apr 2012', ['2010-03', '2012-04', false]],
    ['2016 - Till Date', ['2016-01', null, true]],
    ['2016 – to date', ['2016-01', null, true]],
    ['2014 to now', ['2014-01', null, true]],
    ['2014 – ongoing', ['2014-01', null, true]],
    ['Aug 2020 – Currently', ['2020-08', null, true]],
    ['Since 2017', ['2017-01', null, true]],
    ['Jan – Mar 2020', ['2020-01', '2020-03', false]],
    ["Mar '18 – Dec '20", ['2018-03', '2020-12', false]],
    ['2013-04 – 2015-09', ['2013-04', '2015-09', false]],
  ])('%s', (input, expected) => {
    expect(one(`Engineer, ${input}`)).toEqual(expected);
  });

  it('ignores ranges that run backwards and non-dates', () => {
    expect(findDateRanges('2021 - 2019')).toEqual([]);
    expect(findDateRanges('call 206-555-0149')).toEqual([]);
    expect(findDateRanges('Version 10-12 of the tool')).toEqual([]);
  });

  it('reports the offset and length of the range', () => {
    const s = 'Cashier , 09/2012 to 06/2017';
    const [r] = findDateRanges(s);
    expect(s.slice(r.index, r.index + r.length)).toBe('09/2012 to 06/2017');
  });
});

describe('findDates', () => {
  it('finds single dates for graduation years', () => {
    expect(findDates('B.Sc., 2016 (GPA 3.8)').map((d) => d.date.year)).toEqual([2016]);
    expect(findDates('Graduated May 2018').map((d) => formatYearMonth(d.date))).toEqual([
      '2018-05',
    ]);
  });
});

describe('month arithmetic', () => {
  const now = new Date('2024-06-15T00:00:00Z');

  it('counts months inclusively and runs open ranges to now', () => {
    expect(
      rangeMonths(
        {
          start: { year: 2019, month: 1, yearOnly: false },
          end: { year: 2019, month: 3, yearOnly: false },
          current: false,
        },
        now,
      ),
    ).toBe(3);
    expect(
      rangeMonths({ start: { year: 2024, month: 1, yearOnly: false }, current: true }, now),
    ).toBe(6);
  });

  it('merges overlapping and adjacent jobs', () => {
    // 2019-01..2019-12 and 2019-06..2020-05 overlap; 2020-06..2020-06 touches.
    expect(
      mergedMonths([
        [2019 * 12, 2019 * 12 + 11],
        [2019 * 12 + 5, 2020 * 12 + 4],
        [2020 * 12 + 5, 2020 * 12 + 5],
      ]),
    ).toBe(18);
    expect(
      mergedMonths([
        [0, 11],
        [24, 35],
      ]),
    ).toBe(24);
  });
});
