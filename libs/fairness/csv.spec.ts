import { csvField, impactReportCsv, renderCsv } from './csv';
import { buildImpactReport } from './impact-report';

describe('CSV rendering', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.75)).toBe('0.75');
    expect(csvField(true)).toBe('true');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5')).toBe('-5');
  });

  it('ends every row with CRLF', () => {
    expect(
      renderCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a,1\r\nb,2\r\n');
  });

  it('renders the report: 2 + 7 + 14 categories plus an Unknown row per table', () => {
    const outcomes = [
      ...Array.from({ length: 100 }, (_, i) => ({
        sex: 'male' as const,
        race: 'white' as const,
        selected: i < 40,
      })),
      ...Array.from({ length: 80 }, (_, i) => ({
        sex: 'female' as const,
        race: 'white' as const,
        selected: i < 24,
      })),
    ];
    const lines = impactReportCsv(buildImpactReport(outcomes)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'dimension,category,applicants,selected,selection_rate,impact_ratio,four_fifths_flag,fisher_p,small_sample,below_2pct,reference',
    );
    expect(lines).toHaveLength(1 + (2 + 1) + (7 + 1) + (14 + 1));
    expect(lines[1]).toBe('sex,Male,100,40,0.4,1,false,,false,false,true');
    // 24/80 = 0.3; 0.3 / 0.4 = 0.75, flagged.
    expect(lines[2]).toMatch(/^sex,Female,80,24,0\.3,0\.75,true,0\.\d+,false,false,false$/);
    expect(lines[3]).toBe('sex,Unknown,0,0,,,false,,false,false,false');
  });
});
