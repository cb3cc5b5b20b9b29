import { layoutPage, type TextRun } from './pdf-layout';

/** Runs for one line of text starting at x, one run per word, Helvetica-ish widths. */
function words(text: string, x: number, y: number, size = 10, hidden = false): TextRun[] {
  const out: TextRun[] = [];
  let cx = x;
  for (const w of text.split(' ')) {
    const width = w.length * size * 0.5;
    out.push({ str: w, x: cx, y, w: width, h: size, hidden });
    cx += width + size * 0.28;
  }
  return out;
}

describe('layoutPage', () => {
  it('rebuilds lines and spaces from positioned runs, top to bottom', () => {
    const runs = [...words('second line here', 50, 700), ...words('First line of text', 50, 714)];
    expect(layoutPage(runs, 612).text).toBe('First line of text\nsecond line here');
  });

  it('joins glyph fragments without inventing spaces', () => {
    const runs: TextRun[] = [
      { str: 'S', x: 50, y: 700, w: 6, h: 10, hidden: false },
      { str: 'en', x: 56.1, y: 700, w: 11, h: 10, hidden: false },
      { str: 'ior', x: 67.2, y: 700, w: 14, h: 10, hidden: false },
    ];
    expect(layoutPage(runs, 612).text).toBe('Senior');
  });

  it('reads a two-column page column by column, keeping the full-width header first', () => {
    const runs: TextRun[] = [...words('Jordan Example', 200, 760, 18)];
    const left = ['SKILLS', 'TypeScript', 'React', 'GraphQL', 'LANGUAGES', 'English'];
    const right = [
      'EXPERIENCE',
      'Frontend Engineer at Acme',
      'Built the checkout flow',
      'EDUCATION',
      'BA Design, 2017',
      'Willamette College',
    ];
    left.forEach((t, i) => runs.push(...words(t, 40, 700 - i * 14)));
    right.forEach((t, i) => runs.push(...words(t, 230, 700 - i * 14)));
    const lines = layoutPage(runs, 612).text.split('\n').filter(Boolean);
    expect(lines).toEqual(['Jordan Example', ...left, ...right]);
  });

  it('keeps right-aligned dates on their line instead of making a column', () => {
    const runs: TextRun[] = [];
    for (let i = 0; i < 6; i++) {
      runs.push(...words(`Engineer number ${i} at Company ${i}`, 50, 700 - i * 40));
      runs.push(...words('2019 - 2021', 500, 700 - i * 40));
      runs.push(
        ...words(
          'Built systems that scale across many regions and teams every day',
          50,
          686 - i * 40,
        ),
      );
    }
    const lines = layoutPage(runs, 612).text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('Engineer number 0 at Company 0\t2019 - 2021');
    expect(lines[1]).toMatch(/^Built systems/);
  });

  it('reports the offsets of hidden runs', () => {
    const runs = [
      ...words('Visible text', 50, 700),
      ...words('Kubernetes Terraform', 50, 680, 10, true),
    ];
    const page = layoutPage(runs, 612);
    expect(page.hidden.map(([s, e]) => page.text.slice(s, e))).toEqual(['Kubernetes', 'Terraform']);
  });
});
