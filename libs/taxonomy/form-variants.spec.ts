import { formVariants } from './form-variants';

const joined = (form: string): string[] => formVariants(form).map((k) => k.join(' '));

describe('formVariants', () => {
  it('adds dot-less and split spellings of dotted names', () => {
    expect(joined('Node.js')).toEqual(['node.js', 'nodejs', 'node .js', 'node js']);
    expect(joined('ASP.NET')).toEqual(expect.arrayContaining(['aspnet', 'asp .net', 'asp net']));
  });

  it('adds the one-word spelling of short multi-word names', () => {
    expect(joined('Power BI')).toEqual(['power bi', 'powerbi']);
    expect(joined('A/B Testing')).toEqual(['a b testing', 'abtesting']);
  });

  it('leaves version numbers alone', () => {
    expect(joined('Python 3.10')).toEqual(['python 3.10', 'python3.10']);
  });

  it('returns nothing for a form without words', () => {
    expect(formVariants(' - / ')).toEqual([]);
  });
});
