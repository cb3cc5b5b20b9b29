import { repairMojibake } from './mojibake';
import { normalizeText, normalizeTextDetailed } from './normalize-text';

describe('repairMojibake', () => {
  it.each([
    ['NaÃ¯ve Bayes', 'Naïve Bayes'],
    ['donâ€™t', 'don’t'],
    ['Company Name â€“ City', 'Company Name – City'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['Ã©cole', 'école'],
    ['â€¢ bullet', '• bullet'],
    ['â\u0080¢ latin-1 bullet', '• latin-1 bullet'],
    ['âž¢ arrow', '➢ arrow'],
    ['Ã¢â‚¬â„¢ twice', '’ twice'],
  ])('%s → %s', (broken, fixed) => {
    expect(repairMojibake(broken)).toEqual({ text: fixed, repaired: true });
  });

  it.each(['José Muñoz', 'Zoë Achterberg', 'café – bar', 'Ñandú', '½ day'])(
    'leaves correct text alone: %s',
    (s) => {
      expect(repairMojibake(s)).toEqual({ text: s, repaired: false });
    },
  );
});

describe('normalizeText', () => {
  it('expands ligatures and fullwidth forms', () => {
    expect(normalizeText('eﬃcient ﬁnance ﬂow')).toBe('efficient finance flow');
    expect(normalizeText('ＡＷＳ：Ｓ３')).toBe('AWS:S3');
  });

  it('unifies bullets, including Word symbol-font glyphs', () => {
    expect(normalizeText('● one\n▪ two\n\uf0b7 three\n➢ four\n·five')).toBe(
      '• one\n• two\n• three\n• four\n•five'.replace('•five', '• five'),
    );
  });

  it('strips zero-width characters, soft hyphens and controls', () => {
    expect(normalizeText('Com\u200bpany\u00ad Na\u200dme\u0007')).toBe('Company Name');
  });

  it('unifies spaces, quotes, dashes and line ends', () => {
    expect(normalizeText('a\u00a0b\r\nO’Brien “x” \u2212 1\r\n\n\n\nend  ')).toBe(
      'a b\nO\'Brien "x" - 1\n\nend',
    );
  });

  it('keeps one tab between same-line fields', () => {
    expect(normalizeText('Engineer \t\t Jan 2020 - Present')).toBe('Engineer\tJan 2020 - Present');
  });

  it('reports when mojibake was repaired', () => {
    expect(normalizeTextDetailed('NaÃ¯ve').mojibakeRepaired).toBe(true);
    expect(normalizeTextDetailed('Naïve').mojibakeRepaired).toBe(false);
  });
});
