/** One canonical skill of the taxonomy, as stored in data/skills.json. */
export interface SkillEntry {
  canonical: string;
  category: string;
  aliases: string[];
  /** Provenance, e.g. "datasets:resume_data.skills", "public:programming-languages", "curated". */
  source: string;
  /**
   * The canonical name is also an everyday word or name ("Go", "Excel", "Spring", "R"): it is matched
   * in prose only case-exactly and in a skill-like context, or anywhere in a list context.
   */
  ambiguous?: boolean;
  /** Aliases with the same restriction as an ambiguous canonical (e.g. "Node" for Node.js). */
  ambiguousAliases?: string[];
  /**
   * Ambiguous forms (canonical or alias) that are plain words rather than names ("Reliable",
   * "Operations", "Support"): capitalisation proves nothing for them, so they are matched only in
   * a list context, never in prose.
   */
  listOnly?: string[];
}

/** A skill mention found in text. Offsets are UTF-16 indexes into the input, end exclusive. */
export interface SkillHit {
  canonical: string;
  category: string;
  start: number;
  end: number;
  matched: string;
}

export interface NormalizedSkill {
  canonical: string;
  known: boolean;
  category?: string;
}

export interface FindOptions {
  /** The whole input is a skills list (e.g. a Skills section or a job's skills field). */
  listContext?: boolean;
}
