import type { RedactedExperience, RedactedProfile } from '../redacted-profile.types';
import type { SkillIndex } from '../skills/skill-index';
import { tfidfVector, type SparseVector, type TextStats } from '../text/text-stats';
import { tokenize } from '../text/tokenize';
import { counts } from './job-context';

export interface RoleContext {
  role: RedactedExperience;
  vector: SparseVector;
  titleVector: SparseVector;
}

/** Everything about a resume that does not depend on the job, computed once per (profile, stats). */
export interface ResumeContext {
  tokens: string[];
  tokenSet: Set<string>;
  vector: SparseVector;
  /** Canonical skills listed by the parser or found anywhere in the text. */
  skillSet: Set<string>;
  skillsVector: SparseVector;
  summaryVector: SparseVector;
  summaryLength: number;
  experienceVector: SparseVector;
  roles: RoleContext[];
  /** How many skill mentions fall in each taxonomy category. */
  categories: Map<string, number>;
}

const cache = new WeakMap<TextStats, WeakMap<RedactedProfile, ResumeContext>>();

export function resumeContext(
  p: RedactedProfile,
  stats: TextStats,
  skills: SkillIndex,
): ResumeContext {
  let byProfile = cache.get(stats);
  if (!byProfile) cache.set(stats, (byProfile = new WeakMap()));
  let ctx = byProfile.get(p);
  if (!ctx) byProfile.set(p, (ctx = buildResumeContext(p, stats, skills)));
  return ctx;
}

function buildResumeContext(
  p: RedactedProfile,
  stats: TextStats,
  skills: SkillIndex,
): ResumeContext {
  const tokens = tokenize(p.text);
  const hits = skills.findInText(p.text);
  const skillSet = new Set([...p.skills.map((s) => s.canonical), ...hits.map((h) => h.canonical)]);
  const summaryTokens = tokenize([p.headline ?? '', p.summary ?? ''].join('\n'));
  const roles = p.experience.map((role) => ({
    role,
    vector: tfidfVector(tokenize(`${role.title ?? ''}\n${role.description}`), stats),
    titleVector: tfidfVector(tokenize(role.title ?? ''), stats),
  }));
  const experienceText = p.experience.map((r) => `${r.title ?? ''}\n${r.description}`).join('\n');
  return {
    tokens,
    tokenSet: new Set(tokens),
    vector: tfidfVector(tokens, stats),
    skillSet,
    skillsVector: tfidfVector(tokenize(p.skills.map((s) => s.canonical).join('\n')), stats),
    summaryVector: tfidfVector(summaryTokens, stats),
    summaryLength: summaryTokens.length,
    experienceVector: tfidfVector(tokenize(experienceText), stats),
    roles,
    categories: resumeCategories(p, hits),
  };
}

/** Category counts of a resume: its listed skills plus every skill the taxonomy finds in its text. */
export function resumeCategories(
  p: RedactedProfile,
  hits: readonly { category: string }[],
): Map<string, number> {
  return counts([...p.skills.map((s) => s.category), ...hits.map((h) => h.category)]);
}
