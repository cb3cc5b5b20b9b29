import { CatalogError, parseCatalog } from './catalog-parser';

describe('parseCatalog', () => {
  it('reads categories, sources, aliases and ambiguity markers', () => {
    const errors: CatalogError[] = [];
    const text = [
      '# a comment',
      '@category programming-languages',
      '@source public:programming-languages',
      'Go? | Golang, Go Lang',
      'Node.js | NodeJS, Node?',
      '@category soft-skills',
      '@source curated',
      'Work Ethic | Reliable??, Hard Working, Hard Working',
    ].join('\n');
    expect(parseCatalog('x.txt', text, errors)).toEqual([
      {
        canonical: 'Go',
        category: 'programming-languages',
        aliases: ['Golang', 'Go Lang'],
        source: 'public:programming-languages',
        ambiguous: true,
      },
      {
        canonical: 'Node.js',
        category: 'programming-languages',
        aliases: ['NodeJS', 'Node'],
        source: 'public:programming-languages',
        ambiguousAliases: ['Node'],
      },
      {
        canonical: 'Work Ethic',
        category: 'soft-skills',
        aliases: ['Reliable', 'Hard Working'],
        source: 'curated',
        ambiguousAliases: ['Reliable'],
        listOnly: ['Reliable'],
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps "#" inside names and reports skills before a category', () => {
    const errors: CatalogError[] = [];
    expect(parseCatalog('y.txt', 'C#\n@category x\nF# | FSharp', errors)).toEqual([
      { canonical: 'F#', category: 'x', aliases: ['FSharp'], source: 'curated' },
    ]);
    expect(errors).toEqual([{ file: 'y.txt', line: 1, message: 'skill before any @category' }]);
  });
});
