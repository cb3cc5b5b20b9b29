import { SkillTaxonomy } from './skill-taxonomy';

const taxonomy = SkillTaxonomy.default();
const canonicals = (text: string, opts?: { listContext?: boolean }): string[] =>
  taxonomy.findInText(text, opts).map((h) => h.canonical);

describe('SkillTaxonomy.normalize', () => {
  it.each([
    // abbreviations
    ['JS', 'JavaScript'],
    ['k8s', 'Kubernetes'],
    ['Golang', 'Go'],
    ['TS/SCI', 'Security Clearance'],
    // casing
    ['javascript', 'JavaScript'],
    ['POSTGRESQL', 'PostgreSQL'],
    ['MS Excel', 'Microsoft Excel'],
    // punctuation and dots
    ['React.js', 'React'],
    ['ReactJS', 'React'],
    ['Node', 'Node.js'],
    ['NodeJS', 'Node.js'],
    ['node.JS', 'Node.js'],
    ['Node JS', 'Node.js'],
    ['.NET', '.NET'],
    ['dotnet', '.NET'],
    ['ASP .NET', 'ASP.NET'],
    ['C#', 'C#'],
    ['C sharp', 'C#'],
    ['C++', 'C++'],
    ['cpp', 'C++'],
    // spacing and hyphens
    ['Power-BI', 'Microsoft Power BI'],
    ['PowerBI', 'Microsoft Power BI'],
    ['scikit learn', 'scikit-learn'],
    ['E-commerce', 'E-commerce'],
    ['ecommerce', 'E-commerce'],
    ['CI/CD', 'CI/CD'],
    ['CICD', 'CI/CD'],
    // version suffixes
    ['Python3', 'Python'],
    ['Python 3.10', 'Python'],
    ['Angular 2+', 'Angular'],
    ['HTML5', 'HTML'],
    // multi-word and plural
    ['machine learning', 'Machine Learning'],
    ['Accounts Payables', 'Accounts Payable'],
    ['REST APIs', 'REST APIs'],
    // qualifiers and parentheticals around the name
    ['Proficient in Excel', 'Microsoft Excel'],
    ['Strong SQL skills', 'SQL'],
    ['Java (Less than 1 year)', 'Java'],
    // non-tech fields
    ['CPR', 'CPR'],
    ['Bank Recs', 'Bank Reconciliation'],
    ['Blueprint reading', 'Blueprint Reading'],
    ['ServSafe', 'Food Safety'],
    ['TIG welding', 'Welding'],
  ])('%s → %s', (input, expected) => {
    expect(taxonomy.normalize(input)).toMatchObject({ canonical: expected, known: true });
  });

  it('returns the category of a known skill', () => {
    expect(taxonomy.normalize('k8s').category).toBe('devops');
  });

  it('returns the cleaned input for an unknown name', () => {
    expect(taxonomy.normalize('  • Underwater   basket weaving; ')).toEqual({
      canonical: 'Underwater basket weaving',
      known: false,
    });
  });

  it('does not take Java for JavaScript or C for C++', () => {
    expect(taxonomy.normalize('Java').canonical).toBe('Java');
    expect(taxonomy.normalize('C').canonical).toBe('C');
  });
});

describe('SkillTaxonomy.findInText', () => {
  it('reports offsets into the input, end exclusive, with the matched text', () => {
    const text = 'Built APIs in Node.js and C#.';
    const hits = taxonomy.findInText(text);
    expect(hits.map((h) => h.canonical)).toEqual(['API Development', 'Node.js', 'C#']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.matched);
    expect(hits[1]).toMatchObject({ matched: 'Node.js', category: 'web-backend' });
  });

  it('prefers the longest match', () => {
    expect(canonicals('Experience with React Native and Spring Boot.')).toEqual([
      'React Native',
      'Spring Boot',
    ]);
  });

  it('respects word boundaries around punctuated names', () => {
    expect(canonicals('Senior JavaScript engineer')).toEqual(['JavaScript']);
    expect(canonicals('Wrote C++ and C# services')).toEqual(['C++', 'C#']);
    expect(canonicals('Skills: C++, .NET, ASP.NET')).toEqual(['C++', '.NET', 'ASP.NET']);
    expect(canonicals('the planet, and the network')).not.toContain('.NET');
  });

  it('keeps a trailing version in the span', () => {
    const [hit] = taxonomy.findInText('Upgraded apps to Angular 2+ last year');
    expect(hit).toMatchObject({ canonical: 'Angular', matched: 'Angular 2+' });
    expect(taxonomy.findInText('Wrote Python3 scripts')[0].matched).toBe('Python3');
  });

  it('does not count a duration as a version', () => {
    expect(taxonomy.findInText('SQL 5 years')[0].matched).toBe('SQL');
  });

  it('matches multi-word skills across hyphens and line-internal spacing', () => {
    expect(canonicals('month-end close and accounts   payable')).toEqual([
      'Month-end Close',
      'Accounts Payable',
    ]);
  });

  it('does not join words across a line break or a comma', () => {
    expect(canonicals('machine\nlearning')).not.toContain('Machine Learning');
    expect(canonicals('accounts, payable')).not.toContain('Accounts Payable');
  });

  it('finds non-tech skills', () => {
    expect(canonicals('Provided wound care and IV therapy; trained staff in CPR.')).toEqual([
      'Wound Care',
      'IV Therapy',
      'CPR',
    ]);
  });
});

describe('ambiguous names', () => {
  it('ignores "go" in prose', () => {
    expect(canonicals('We go to market next year.')).not.toContain('Go');
    expect(canonicals('Ready to go the extra mile')).not.toContain('Go');
    expect(canonicals('A go-getter with drive')).not.toContain('Go');
  });

  it('takes Go and Rust in a skills list', () => {
    expect(canonicals('Languages: Go, Rust')).toEqual(['Go', 'Rust']);
    expect(canonicals('• Go\n• Rust\n')).toEqual(['Go', 'Rust']);
  });

  it('takes any casing when the caller says the text is a list', () => {
    expect(canonicals('go, rust', { listContext: true })).toEqual(['Go', 'Rust']);
    expect(canonicals('go, rust')).toEqual(['Go', 'Rust']);
    expect(canonicals('I like to go, rust never sleeps', { listContext: false })).toEqual([]);
  });

  it('takes a name written exactly mid-sentence', () => {
    expect(canonicals('Built services in Go and TypeScript')).toEqual(['Go', 'TypeScript']);
    expect(canonicals('I excel at teamwork and am proficient in Excel.')).toEqual([
      'Teamwork',
      'Microsoft Excel',
    ]);
  });

  it('rejects a name that opens a sentence or sits in a Title-Case name', () => {
    expect(canonicals('Go to the store.')).toEqual([]);
    expect(canonicals('Lived in Spring Valley')).toEqual([]);
    expect(canonicals('Worked as Executive Chef at a bistro')).toEqual([]);
  });

  it('takes a single-letter language only when coordinated or listed', () => {
    expect(canonicals('Used R for the report')).toEqual([]);
    expect(canonicals('Used R and Python for the report')).toEqual(['R', 'Python']);
    expect(canonicals('Wrote C and C++')).toEqual(['C', 'C++']);
    expect(canonicals('also C/C++')).toEqual(['C', 'C++']);
    expect(canonicals('Earned a grade C in maths')).not.toContain('C');
  });

  it('matches plain-word skills only in lists', () => {
    expect(canonicals('Responsible for payroll')).toEqual(['Payroll']);
    expect(canonicals('Strengths: Reliable, Organized')).toEqual([
      'Work Ethic',
      'Organizational Skills',
    ]);
  });

  it('keeps a plain word list-only even when another alias is its one-word spelling', () => {
    // "Data Base" (unambiguous) is also indexed as "database", which "Database" marks list-only.
    expect(canonicals('Stored the records in a database')).toEqual([]);
    expect(canonicals('Tools: Database, Data Base')).toEqual(['DBMS', 'DBMS']);
  });

  it('does not take an ambiguous name reached through a plural', () => {
    expect(canonicals('Hot springs nearby')).toEqual([]);
  });

  it('never takes a hyphen compound', () => {
    expect(canonicals('Skills: C-suite, go-live')).not.toContain('C');
  });
});

describe('SkillTaxonomy accessors', () => {
  it('looks up entries by canonical name', () => {
    expect(taxonomy.get('Kubernetes')).toMatchObject({ category: 'devops' });
    expect(taxonomy.get('k8s')).toBeUndefined();
  });

  it('lists sorted, distinct categories', () => {
    const categories = taxonomy.categories();
    expect(categories).toEqual([...new Set(categories)].sort());
    expect(categories).toEqual(expect.arrayContaining(['healthcare', 'accounting', 'aviation']));
  });

  it('is built once by default()', () => {
    expect(SkillTaxonomy.default()).toBe(taxonomy);
  });

  it('works on a custom entry list', () => {
    const custom = new SkillTaxonomy([
      { canonical: 'Widgetry', category: 'test', aliases: ['WGT'], source: 'curated' },
      { canonical: 'Gizmo', category: 'test', aliases: [], source: 'curated', ambiguous: true },
    ]);
    expect(custom.size).toBe(2);
    expect(custom.normalize('wgt').canonical).toBe('Widgetry');
    expect(custom.findInText('a gizmo of Widgetry').map((h) => h.canonical)).toEqual(['Widgetry']);
    expect(custom.findInText('tools: gizmo').map((h) => h.canonical)).toEqual(['Gizmo']);
  });
});

describe('ambiguous acronyms', () => {
  const taxonomy = SkillTaxonomy.default();
  const names = (text: string, listContext = false) =>
    taxonomy.findInText(text, { listContext }).map((h) => h.canonical);

  it('never reads a pronoun as an acronym skill, even in a list', () => {
    expect(names('Managers rely on him.', true)).not.toContain('Health Information Management');
    expect(names('Skills: him, her, them')).not.toContain('Health Information Management');
  });

  it('still finds the acronym written in capitals in a list', () => {
    expect(names('Skills: HIM, ICD-10')).toContain('Health Information Management');
  });

  it('does not read place names as skills', () => {
    expect(names('14 Peachtree Lane, Leeds LS1 4AB')).toEqual([]);
  });
});
