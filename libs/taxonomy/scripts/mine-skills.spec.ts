import {
  candidatesToTsv,
  cleanItem,
  parsePyList,
  skillSectionLines,
  splitItems,
} from './mine-skills';

describe('mine-skills helpers', () => {
  it('parses Python-literal lists, flattening nesting and both quote styles', () => {
    expect(parsePyList(`[['SQL', "Baker's math"], ['Go']]`)).toEqual(['SQL', "Baker's math", 'Go']);
    expect(parsePyList('None')).toEqual([]);
  });

  it('cleans bullets, durations and trailing punctuation from an item', () => {
    expect(cleanItem('• Java (Less than 1 year).')).toBe('Java');
    expect(cleanItem('  MS   Excel ;')).toBe('MS Excel');
  });

  it('splits a skills block into short items, dropping "label:" prefixes and long prose', () => {
    const block =
      'Languages: Go, Rust; SQL\n• Excel | Word\nA very long sentence that is clearly not a skill name at all';
    expect(splitItems(block)).toEqual(['Go', 'Rust', 'SQL', 'Excel', 'Word']);
  });

  it('takes the lines of Skills-like sections only', () => {
    const text =
      'CHEF\nSummary\nCooks.\nSkills\nKnife skills, plating\nExperience\nLine cook\nHighlights\nCatering';
    expect(skillSectionLines(text)).toEqual(['Knife skills, plating', 'Catering']);
  });

  it('writes a TSV with one column per dataset column', () => {
    const tsv = candidatesToTsv([{ name: 'Go', counts: { b: 2, a: 1 }, total: 3 }]);
    expect(tsv).toBe('name\ttotal\ta\tb\nGo\t3\t1\t2\n');
  });
});
