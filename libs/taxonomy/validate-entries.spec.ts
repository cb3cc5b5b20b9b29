import { SkillEntry } from './skill.types';
import { validateEntries } from './validate-entries';

const entry = (canonical: string, aliases: string[] = [], extra: Partial<SkillEntry> = {}) => ({
  canonical,
  category: 'test',
  aliases,
  source: 'curated',
  ...extra,
});

describe('validateEntries', () => {
  it('accepts a sound list', () => {
    expect(validateEntries([entry('Go', ['Golang'], { ambiguous: true }), entry('Rust')])).toEqual(
      [],
    );
  });

  it('reports duplicate canonicals regardless of case', () => {
    expect(validateEntries([entry('Excel'), entry('excel')])).toContain(
      'duplicate canonical "excel"',
    );
  });

  it('reports a form claimed by two entries after normalisation', () => {
    const problems = validateEntries([entry('Node.js', ['Node']), entry('Graph Nodes', ['node'])]);
    expect(problems).toEqual(['form "node" of "Graph Nodes" already belongs to "Node.js"']);
  });

  it('reports forms that could never match text', () => {
    expect(validateEntries([entry('Sales', ['Sales; Marketing'])])).toEqual([
      '"Sales": form "Sales; Marketing" contains a hard break',
    ]);
  });

  it('reports inconsistent ambiguity markers', () => {
    const problems = validateEntries([
      entry('A', ['B'], { ambiguousAliases: ['Z'] }),
      entry('C', ['D'], { listOnly: ['D'] }),
    ]);
    expect(problems).toEqual(['"A": "Z" not an alias', '"C": list-only "D" not marked ambiguous']);
  });
});
