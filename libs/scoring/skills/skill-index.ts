import { SkillTaxonomy } from '../../taxonomy';
import type { NormalizedSkill, SkillHit } from '../../taxonomy';

/** The two taxonomy operations scoring needs; an interface so tests can pin a tiny taxonomy. */
export interface SkillLookup {
  normalize(name: string): NormalizedSkill;
  findInText(text: string, opts?: { listContext?: boolean }): SkillHit[];
}

/**
 * Thin, cached wrapper over the skills taxonomy. Names the taxonomy does not know keep their
 * cleaned spelling, lower-cased, so that two unknown spellings of the same words still match.
 */
export class SkillIndex {
  private static instance: SkillIndex | undefined;
  private readonly cache = new Map<string, NormalizedSkill>();

  constructor(private readonly taxonomy: SkillLookup) {}

  static default(): SkillIndex {
    SkillIndex.instance ??= new SkillIndex(SkillTaxonomy.default());
    return SkillIndex.instance;
  }

  normalize(name: string): NormalizedSkill {
    let n = this.cache.get(name);
    if (!n) {
      const raw = this.taxonomy.normalize(name);
      n = raw.known ? raw : { canonical: raw.canonical.toLowerCase(), known: false };
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(name, n);
    }
    return n;
  }

  findInText(text: string, listContext = false): SkillHit[] {
    return this.taxonomy.findInText(text, { listContext });
  }
}
