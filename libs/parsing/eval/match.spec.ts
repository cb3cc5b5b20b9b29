import { addPr, emptyCounts, overlaps, precisionRecall, samePhone, sameText } from './match';
import { charRecall } from './text-recall';
import { goldTexts } from './ner-eval';

describe('evaluation matching rules', () => {
  it('compares phones by digits, ignoring a leading country code', () => {
    expect(samePhone('+14155550142', '+1 (415) 555-0142')).toBe(true);
    expect(samePhone('+12065550149', '206-555-0149')).toBe(true);
    expect(samePhone('(123) 456-7890', '123-456-7891')).toBe(false);
    expect(samePhone(null, null)).toBe(true);
    expect(samePhone('555-0100', null)).toBe(false);
  });

  it('compares names case- and space-insensitively', () => {
    expect(sameText('John  Doe', 'JOHN DOE')).toBe(true);
    expect(sameText(undefined, null)).toBe(true);
    expect(sameText('John Doe', 'Jane Doe')).toBe(false);
  });

  it('accepts spans sharing half of the longer side’s words', () => {
    expect(
      overlaps('B.Tech in Computer Science', 'B.Tech in Computer Science and Engineering'),
    ).toBe(true);
    expect(overlaps('Engineer', 'Operational Analyst (SQL DBA) Engineer')).toBe(false);
  });

  it('micro-averages precision and recall', () => {
    const c = emptyCounts();
    addPr(c, ['a', 'b'], ['a', 'c', 'd'], (x, y) => x === y);
    addPr(c, ['e'], ['e'], (x, y) => x === y);
    expect(precisionRecall(c)).toEqual({ precision: 2 / 3, recall: 2 / 4 });
  });

  it('cleans gold spans: trims, prefers the span text, removes duplicates', () => {
    const rec = {
      content: 'Jane Roe\nB.Sc. Physics',
      annotation: [
        { label: ['Name'], points: [{ start: 0, end: 7, text: 'Jane Roe ' }] },
        { label: ['Name'], points: [{ start: 0, end: 7, text: 'jane roe' }] },
        { label: ['Degree'], points: [{ start: 9, end: 21, text: 'B.Sc. Physics' }] },
      ],
    };
    expect(goldTexts(rec, 'Name')).toEqual(['Jane Roe']);
    expect(goldTexts(rec, 'Degree')).toEqual(['B.Sc. Physics']);
  });
});

describe('charRecall', () => {
  it('is 1 for the same words in another order and line layout', () => {
    expect(charRecall('Skills\nPython SQL\nExperience', 'Experience Skills Python\nSQL')).toBe(1);
  });

  it('weights missing words by their length', () => {
    expect(charRecall('aaaa bb', 'aaaa')).toBeCloseTo(4 / 6);
    expect(charRecall('aaaa bb', '')).toBe(0);
  });

  it('normalises both sides the same way', () => {
    expect(charRecall('Company Name â€“ City', 'Company Name – City')).toBe(1);
  });
});
