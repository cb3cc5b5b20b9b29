import type { Span } from '../../parsing/profile.types';
import type { RedactedProfile } from '../redacted-profile.types';
import type { SkillSpec } from './job-context';
import type { ResumeContext } from './resume-context';

export interface MatchedSkill {
  name: string;
  /** Where the resume shows it (offsets into the source profile text); empty when only found in prose. */
  evidence: Span[];
}

export interface SkillMatch {
  /** IDF-weighted share of the skills the resume has (0 when the job lists none). */
  coverage: number;
  /** IDF-weighted share of the skills' words that appear anywhere in the resume. */
  tokenCoverage: number;
  matched: MatchedSkill[];
  missing: string[];
  total: number;
}

/**
 * A skill counts as present when the resume has its canonical name (listed or found in the text by
 * the taxonomy) or, for names the taxonomy does not know, when all of its words appear.
 */
export function matchSkills(
  specs: readonly SkillSpec[],
  r: ResumeContext,
  p: RedactedProfile,
): SkillMatch {
  let weight = 0;
  let hit = 0;
  let tokenHit = 0;
  const matched: MatchedSkill[] = [];
  const missing: string[] = [];
  for (const s of specs) {
    const present = s.tokens.filter((t) => r.tokenSet.has(t)).length;
    const tokenShare = s.tokens.length ? present / s.tokens.length : 0;
    const has = r.skillSet.has(s.canonical) || (s.tokens.length > 0 && present === s.tokens.length);
    weight += s.weight;
    tokenHit += s.weight * tokenShare;
    if (has) {
      hit += s.weight;
      const evidence = p.skills.find((m) => m.canonical === s.canonical)?.spans ?? [];
      matched.push({ name: s.known ? s.canonical : s.name, evidence });
    } else missing.push(s.known ? s.canonical : s.name);
  }
  return {
    coverage: weight > 0 ? hit / weight : 0,
    tokenCoverage: weight > 0 ? tokenHit / weight : 0,
    matched,
    missing,
    total: specs.length,
  };
}
