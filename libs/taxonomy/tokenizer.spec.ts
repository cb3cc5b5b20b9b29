import { tokenize } from './tokenizer';

const keys = (text: string): string[] => tokenize(text).keys;

describe('tokenize', () => {
  it('keeps the punctuation that is part of tech names', () => {
    expect(keys('C++, C#, F# and .NET')).toEqual(['c++', 'c#', 'f#', 'and', '.net']);
    expect(keys('Node.js / ASP.NET / Vue.js')).toEqual(['node.js', 'asp.net', 'vue.js']);
    expect(keys('R&D, P&L')).toEqual(['r&d', 'p&l']);
  });

  it('drops a sentence-final dot and a plus before a letter', () => {
    expect(keys('I use Java.')).toEqual(['i', 'use', 'java']);
    expect(keys('Python+Django')).toEqual(['python', 'django']);
  });

  it('reads a standalone ampersand as "and"', () => {
    expect(keys('Research & Development')).toEqual(['research', 'and', 'development']);
  });

  it('marks hard breaks between tokens but not soft separators', () => {
    const t = tokenize('month-end close, CI/CD\nnext_step');
    expect(t.keys).toEqual(['month', 'end', 'close', 'ci', 'cd', 'next', 'step']);
    expect(t.hardBefore).toEqual([true, false, false, true, false, true, false]);
  });

  it('reports UTF-16 offsets, end exclusive', () => {
    const text = 'Café  C++';
    const t = tokenize(text);
    expect(t.keys).toEqual(['café', 'c++']);
    expect(text.slice(t.starts[1], t.ends[1])).toBe('C++');
  });

  it('joins an inner apostrophe, plain or curly', () => {
    expect(keys('women’s health')).toEqual(["women's", 'health']);
  });
});
