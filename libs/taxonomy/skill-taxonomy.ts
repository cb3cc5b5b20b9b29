import skillsJson from './data/skills.json';
import { resolveAmbiguous } from './ambiguity';
import { nameKey } from './form-variants';
import { cleanName, nameVariants } from './name-variants';
import { SkillTrie } from './skill-trie';
import { FindOptions, NormalizedSkill, SkillEntry, SkillHit } from './skill.types';
import { tokenize } from './tokenizer';

let defaultInstance: SkillTaxonomy | undefined;

/** The skills taxonomy: lookup of names and extraction of skill mentions from text. */
export class SkillTaxonomy {
  readonly size: number;
  private readonly entries: readonly SkillEntry[];
  private readonly byCanonical = new Map<string, SkillEntry>();
  private readonly trie: SkillTrie;
  private readonly categoryList: string[];

  /** The shipped taxonomy (data/skills.json), built once per process. */
  static default(): SkillTaxonomy {
    defaultInstance ??= new SkillTaxonomy(skillsJson as SkillEntry[]);
    return defaultInstance;
  }

  constructor(entries: SkillEntry[]) {
    this.entries = entries;
    for (const e of entries) this.byCanonical.set(e.canonical, e);
    this.size = this.byCanonical.size;
    this.trie = new SkillTrie(entries);
    this.categoryList = [...new Set(entries.map((e) => e.category))].sort();
  }

  get(canonical: string): SkillEntry | undefined {
    return this.byCanonical.get(canonical);
  }

  categories(): string[] {
    return [...this.categoryList];
  }

  /** Exact, alias, case- and punctuation-insensitive lookup of one skill name. */
  normalize(name: string): NormalizedSkill {
    const cleaned = cleanName(name);
    const entry = this.lookup(cleaned);
    if (entry === undefined) return { canonical: cleaned, known: false };
    const e = this.entries[entry];
    return { canonical: e.canonical, known: true, category: e.category };
  }

  private lookup(cleaned: string): number | undefined {
    const keys = nameVariants(cleaned).map(nameKey);
    for (const key of keys) {
      const hit = this.trie.byKey.get(key) ?? this.trie.bySquashed.get(key.replace(/ /g, ''));
      if (hit !== undefined) return hit;
    }
    for (const key of keys) {
      const hit = this.lookupSingular(key);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  private lookupSingular(key: string): number | undefined {
    if (!/[a-z]{3}s$/.test(key) || key.endsWith('ss')) return undefined;
    for (const c of [key.slice(0, -1), key.replace(/ies$/, 'y'), key.replace(/es$/, '')]) {
      const hit = this.trie.byKey.get(c);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  /** All non-overlapping longest skill mentions, in text order. */
  findInText(text: string, opts: FindOptions = {}): SkillHit[] {
    const tokens = tokenize(text);
    const matches = this.trie.matchAll(tokens);
    const kept = resolveAmbiguous(text, matches, opts.listContext === true);
    return kept.map((m) => {
      const e = this.entries[m.terminal.entry];
      return {
        canonical: e.canonical,
        category: e.category,
        start: m.start,
        end: m.end,
        matched: text.slice(m.start, m.end),
      };
    });
  }
}
