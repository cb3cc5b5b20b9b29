import type { JobRequirements } from '../job.types';
import { degreeRank } from '../job/degree-level';
import type { SkillIndex } from '../skills/skill-index';
import { idfOf, tfidfVector, type SparseVector, type TextStats } from '../text/text-stats';
import { tokenize } from '../text/tokenize';
import { titleSeniority } from './seniority';

export interface SkillSpec {
  /** As the job states it. */
  name: string;
  canonical: string;
  known: boolean;
  category?: string;
  tokens: string[];
  /** Mean IDF of the skill's tokens: specific skills weigh more than generic ones. */
  weight: number;
}

/** Everything about a job that does not depend on the resume, computed once per (job, stats). */
export interface JobContext {
  tokens: string[];
  vector: SparseVector;
  titleVector: SparseVector;
  required: SkillSpec[];
  preferred: SkillSpec[];
  /** How many of the job's skills fall in each taxonomy category. */
  categories: Map<string, number>;
  minYears?: number;
  educationRank?: number;
  seniority: number;
}

const cache = new WeakMap<TextStats, WeakMap<JobRequirements, JobContext>>();

export function jobContext(job: JobRequirements, stats: TextStats, skills: SkillIndex): JobContext {
  let byJob = cache.get(stats);
  if (!byJob) cache.set(stats, (byJob = new WeakMap()));
  let ctx = byJob.get(job);
  if (!ctx) byJob.set(job, (ctx = buildJobContext(job, stats, skills)));
  return ctx;
}

function buildJobContext(job: JobRequirements, stats: TextStats, skills: SkillIndex): JobContext {
  const fullText = [job.title, job.description, ...job.requiredSkills, ...job.preferredSkills].join(
    '\n',
  );
  const tokens = tokenize(fullText);
  const required = skillSpecs(job.requiredSkills, stats, skills);
  const requiredCanon = new Set(required.map((s) => s.canonical));
  const preferred = skillSpecs(job.preferredSkills, stats, skills).filter(
    (s) => !requiredCanon.has(s.canonical),
  );
  const categoryNames = [
    ...required.map((s) => s.category),
    ...preferred.map((s) => s.category),
    ...skills.findInText(job.description).map((h) => h.category),
  ];
  return {
    tokens,
    vector: tfidfVector(tokens, stats),
    titleVector: tfidfVector(tokenize(job.title), stats),
    required,
    preferred,
    categories: counts(categoryNames),
    minYears: job.minYears,
    educationRank: job.educationLevel === undefined ? undefined : degreeRank(job.educationLevel),
    seniority: titleSeniority(job.title),
  };
}

function skillSpecs(names: readonly string[], stats: TextStats, skills: SkillIndex): SkillSpec[] {
  const seen = new Set<string>();
  const out: SkillSpec[] = [];
  for (const name of names) {
    const n = skills.normalize(name);
    const tokens = tokenize(n.known ? `${name} ${n.canonical}` : name);
    if (seen.has(n.canonical) || (!n.known && tokens.length === 0)) continue;
    seen.add(n.canonical);
    const own = tokenize(name);
    const weight = own.length ? own.reduce((a, t) => a + idfOf(stats, t), 0) / own.length : 1;
    out.push({
      name: name.trim(),
      canonical: n.canonical,
      known: n.known,
      category: n.category,
      tokens: own.length ? own : tokens,
      weight,
    });
  }
  return out;
}

export function counts(names: readonly (string | undefined)[]): Map<string, number> {
  const h = new Map<string, number>();
  for (const n of names) if (n) h.set(n, (h.get(n) ?? 0) + 1);
  return h;
}
