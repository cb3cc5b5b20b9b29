import { parsePyLiteral, pyList, pyStrings } from './py-literal';

describe(parsePyLiteral.name, () => {
  it('parses nested lists, None, both quote styles and escapes', () => {
    expect(parsePyLiteral(`[['Big Data'], None, "Bachelor's", 'a\\'b', 'x\\ny']`)).toEqual([
      ['Big Data'],
      null,
      "Bachelor's",
      "a'b",
      'x\ny',
    ]);
  });

  it('treats empty, nan and None as missing, and keeps malformed text as one value', () => {
    expect(parsePyLiteral('nan')).toBeNull();
    expect(parsePyLiteral(undefined)).toBeNull();
    expect(parsePyLiteral("['unterminated")).toEqual(["['unterminated"]);
  });

  it('flattens strings without N/A, and keeps column alignment in pyList', () => {
    expect(pyStrings("[['SQL', 'N/A'], None, ['Python']]")).toEqual(['SQL', 'Python']);
    expect(pyList("['Nov 2019', 'N/A', None]")).toEqual(['Nov 2019', null, null]);
  });
});
