import skills from './data/skills.json';
import { SkillEntry } from './skill.types';
import { SkillTaxonomy } from './skill-taxonomy';
import { validateEntries } from './validate-entries';
import { nameKey } from './form-variants';

const entries = skills as SkillEntry[];

describe('shipped taxonomy data (data/skills.json)', () => {
  it('holds at least 1,500 canonical skills', () => {
    expect(entries.length).toBeGreaterThanOrEqual(1500);
    expect(SkillTaxonomy.default().size).toBe(entries.length);
  });

  it('has no duplicate canonical, even ignoring case', () => {
    const lower = entries.map((e) => e.canonical.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('maps no alias to two canonicals', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const form of [e.canonical, ...e.aliases]) {
        const key = nameKey(form);
        const prev = owner.get(key);
        if (prev !== undefined && prev !== e.canonical)
          clashes.push(`${form}: ${prev} / ${e.canonical}`);
        owner.set(key, e.canonical);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('passes the full integrity check', () => {
    expect(validateEntries(entries)).toEqual([]);
  });

  it('normalizes every canonical and alias back to its own entry', () => {
    const taxonomy = SkillTaxonomy.default();
    const wrong = entries.flatMap((e) =>
      [e.canonical, ...e.aliases]
        .filter((form) => taxonomy.normalize(form).canonical !== e.canonical)
        .map((form) => `${form} → ${taxonomy.normalize(form).canonical}, not ${e.canonical}`),
    );
    expect(wrong).toEqual([]);
  });

  it('records a provenance for every entry', () => {
    const bad = entries.filter((e) => !/^(datasets|public):[\w.-]+$|^curated$/.test(e.source));
    expect(bad).toEqual([]);
  });

  it('covers non-tech fields as well as tech', () => {
    const perCategory = new Map<string, number>();
    for (const e of entries) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
    const fields = [
      'accounting',
      'healthcare',
      'sales',
      'human-resources',
      'teaching-education',
      'construction',
      'design-creative',
      'legal',
      'aviation',
      'culinary-hospitality',
      'finance-banking',
      'marketing',
      'mechanical-engineering',
      'electrical-engineering',
      'civil-engineering',
      'programming-languages',
      'soft-skills',
    ];
    for (const field of fields) expect(perCategory.get(field) ?? 0).toBeGreaterThanOrEqual(10);
    expect(perCategory.get('soft-skills')).toBeLessThanOrEqual(40);
  });

  it('marks the well-known ambiguous names', () => {
    const get = (name: string) => entries.find((e) => e.canonical === name);
    for (const name of ['Go', 'R', 'C', 'Swift', 'Rust', 'Spring', 'Chef', 'Puppet']) {
      expect(get(name)?.ambiguous).toBe(true);
    }
    expect(get('Microsoft Excel')?.ambiguousAliases).toContain('Excel');
    expect(get('Node.js')?.ambiguousAliases).toContain('Node');
  });
});
