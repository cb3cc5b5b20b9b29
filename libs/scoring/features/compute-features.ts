import type { DegreeLevel, Span } from '../../parsing/profile.types';
import type { JobRequirements } from '../job.types';
import { degreeRank } from '../job/degree-level';
import type { RedactedProfile } from '../redacted-profile.types';
import { SkillIndex } from '../skills/skill-index';
import { bm25, cosine, tfidfVector, type TextStats } from '../text/text-stats';
import { tokenize } from '../text/tokenize';
import { FEATURE_INDEX, FEATURE_NAMES, type FeatureName } from './feature-names';
import { jobContext, type JobContext } from './job-context';
import { resumeContext, type ResumeContext } from './resume-context';
import { entryLevelTerms, titleSeniority } from './seniority';
import { softCosine } from './category-affinity';
import { categoryFeatures } from './category-features';
import { matchSkills, type SkillMatch } from './skill-coverage';

/** A role counts as relevant when its text or its title resembles the job's (TF-IDF cosine). */
const ROLE_TEXT_THRESHOLD = 0.12;
const ROLE_TITLE_THRESHOLD = 0.3;
/** Recency when no role is relevant: "longer ago than anything we measure". */
const NO_RELEVANT_ROLE_MONTHS = 121;

/** What the explanation needs to turn feature values into sentences with evidence. */
export interface FeatureDetails {
  required: SkillMatch;
  preferred: SkillMatch;
  relevantRoles: { title?: string; months: number; span: Span }[];
  relevantYears: number;
  totalYears: number;
  minYears?: number;
  education: { level: DegreeLevel; field?: string; required?: DegreeLevel; spans: Span[] };
  certifications: { name: string; span: Span }[];
  bestTitle?: { title: string; similarity: number; span?: Span };
  /** Most frequent skill categories (taxonomy fields) on each side, most frequent first. */
  categories: { job: string[]; resume: string[]; evidence: Span[] };
}

export interface FeatureComputation {
  values: Float32Array;
  details: FeatureDetails;
}

/** The one place feature logic lives: training (`npm run features`) and serving both call this. */
export function computeFeatures(
  p: RedactedProfile,
  job: JobRequirements,
  stats: TextStats,
): Float32Array {
  return computeFeatureDetails(p, job, stats).values;
}

export function computeFeatureDetails(
  p: RedactedProfile,
  job: JobRequirements,
  stats: TextStats,
  skills: SkillIndex = SkillIndex.default(),
): FeatureComputation {
  const j = jobContext(job, stats, skills);
  const r = resumeContext(p, stats, skills);
  const values = new Float32Array(FEATURE_NAMES.length);
  const set: Setter = (name, v) => {
    values[FEATURE_INDEX[name]] = Number.isFinite(v) ? v : 0;
  };
  const { required, preferred } = matchFeatures(set, p, r, j, stats);
  const { title, exp, edu, certs } = backgroundFeatures(set, p, r, j, stats);
  const details: FeatureDetails = {
    required,
    preferred,
    relevantRoles: exp.relevantRoles,
    relevantYears: exp.relevantYears,
    totalYears: exp.totalYears,
    minYears: j.minYears,
    education: {
      level: p.highestDegree,
      field: edu.field,
      required: job.educationLevel,
      spans: edu.spans,
    },
    certifications: certs.map((c) => ({ name: c.name, span: c.span })),
    bestTitle: title.best,
    categories: categoryDetails(p, j.categories, r.categories),
  };
  return { values, details };
}

type Setter = (name: FeatureName, value: number) => void;

/** Skills, skill fields and text similarity between the resume and the job. */
function matchFeatures(
  set: Setter,
  p: RedactedProfile,
  r: ResumeContext,
  j: JobContext,
  stats: TextStats,
) {
  const required = matchSkills(j.required, r, p);
  const preferred = matchSkills(j.preferred, r, p);
  set('required_skill_coverage', required.coverage);
  set('required_skill_token_coverage', required.tokenCoverage);
  set('required_skills_missing', Math.min(required.missing.length, 15));
  set('preferred_skill_coverage', preferred.coverage);
  const cats = categoryFeatures(r.categories, j.categories);
  set('skill_category_similarity', cats.cosine);
  set('skill_category_overlap', cats.overlap);
  set('specific_category_similarity', cats.specificCosine);
  set('dominant_category_match', cats.dominantMatch);
  const affinity = stats.categoryAffinity;
  set(
    'soft_category_similarity',
    affinity ? softCosine(r.categories, j.categories, affinity) : cats.cosine,
  );
  set('text_cosine', cosine(r.vector, j.vector));
  set('text_bm25', bm25(j.tokens, r.tokens, stats));
  set('skills_text_cosine', cosine(r.skillsVector, j.vector));
  set('summary_cosine', cosine(r.summaryVector, j.vector));
  set('experience_cosine', cosine(r.experienceVector, j.vector));
  return { required, preferred };
}

/** Titles, experience, education, certifications and resume breadth. */
function backgroundFeatures(
  set: Setter,
  p: RedactedProfile,
  r: ResumeContext,
  j: JobContext,
  stats: TextStats,
) {
  const title = titleFeatures(p, r, j, stats);
  set('title_similarity', title.best?.similarity ?? 0);
  set('latest_title_similarity', title.latest);
  const exp = experienceFeatures(p, r, j);
  const gap = (years: number): number => (j.minYears === undefined ? 0 : years - j.minYears);
  set('relevant_experience_years', exp.relevantYears);
  set('relevant_experience_gap', gap(exp.relevantYears));
  set('total_experience_years', exp.totalYears);
  set('total_experience_gap', gap(exp.totalYears));
  set('relevant_recency_months', exp.recencyMonths);
  set('seniority_peak', exp.seniorityPeak);
  set('seniority_gap', exp.seniorityPeak - j.seniority);
  const edu = educationFeatures(p, j, stats);
  const rank = degreeRank(p.highestDegree);
  set('education_rank', rank);
  set('education_gap', j.educationRank === undefined ? 0 : rank - j.educationRank);
  set('education_field_similarity', edu.fieldSimilarity);
  const certs = p.certifications.filter(
    (c) => cosine(tfidfVector(tokenize(`${c.name} ${c.issuer ?? ''}`), stats), j.vector) > 0.1,
  );
  set('certification_matches', certs.length);
  set('position_count', p.experience.length);
  set('skill_count', p.skills.length);
  set('summary_length', r.summaryLength);
  set('entry_level_terms', entryLevelTerms(`${p.headline ?? ''}\n${p.summary ?? ''}`));
  return { title, exp, edu, certs };
}

function titleFeatures(p: RedactedProfile, r: ResumeContext, j: JobContext, stats: TextStats) {
  let best: FeatureDetails['bestTitle'];
  for (const role of r.roles) {
    const similarity = cosine(role.titleVector, j.titleVector);
    if (role.role.title && similarity > (best?.similarity ?? 0))
      best = { title: role.role.title, similarity, span: role.role.span };
  }
  if (p.headline) {
    const similarity = cosine(tfidfVector(tokenize(p.headline), stats), j.titleVector);
    if (similarity > (best?.similarity ?? 0)) best = { title: p.headline, similarity };
  }
  const latest =
    r.roles.find((x) => x.role.current) ?? r.roles.find((x) => x.role.monthsBeforeLatest === 0);
  return { best, latest: latest ? cosine(latest.titleVector, j.titleVector) : 0 };
}

function experienceFeatures(p: RedactedProfile, r: ResumeContext, j: JobContext) {
  const relevant = r.roles.filter(
    (x) =>
      cosine(x.vector, j.vector) >= ROLE_TEXT_THRESHOLD ||
      cosine(x.titleVector, j.titleVector) >= ROLE_TITLE_THRESHOLD,
  );
  const relevantMonths = relevant.reduce((a, x) => a + x.role.months, 0);
  const totalMonths = Math.max(p.totalExperienceMonths, 0);
  const recency = relevant.length
    ? Math.min(120, ...relevant.map((x) => (x.role.current ? 0 : x.role.monthsBeforeLatest)))
    : NO_RELEVANT_ROLE_MONTHS;
  return {
    // Overlapping relevant roles can exceed the merged total; the total bounds them.
    relevantYears: round1(Math.min(relevantMonths, totalMonths || relevantMonths) / 12),
    totalYears: round1(totalMonths / 12),
    recencyMonths: recency,
    seniorityPeak: p.experience.length
      ? Math.max(...p.experience.map((e) => titleSeniority(e.title)))
      : 0,
    relevantRoles: relevant.map((x) => ({
      title: x.role.title,
      months: x.role.months,
      span: x.role.span,
    })),
  };
}

function educationFeatures(p: RedactedProfile, j: JobContext, stats: TextStats) {
  let fieldSimilarity = 0;
  for (const e of p.education) {
    const sim = cosine(
      tfidfVector(tokenize(`${e.degree ?? ''} ${e.field ?? ''}`), stats),
      j.vector,
    );
    fieldSimilarity = Math.max(fieldSimilarity, sim);
  }
  const top = p.education.filter((e) => e.level === p.highestDegree);
  return { fieldSimilarity, spans: top.map((e) => e.span), field: top.find((e) => e.field)?.field };
}

function categoryDetails(
  p: RedactedProfile,
  job: ReadonlyMap<string, number>,
  resume: ReadonlyMap<string, number>,
): FeatureDetails['categories'] {
  const jobTop = topCategories(job);
  const resumeTop = topCategories(resume);
  const shared = new Set(resumeTop.filter((c) => jobTop.includes(c)));
  const evidence = p.skills
    .filter((s) => s.category && shared.has(s.category))
    .flatMap((s) => s.spans.slice(0, 1));
  return {
    job: jobTop,
    resume: resumeTop,
    evidence: evidence.sort((a, b) => a.start - b.start).slice(0, 12),
  };
}

function topCategories(counts: ReadonlyMap<string, number>, n = 3): string[] {
  return [...counts]
    .filter(([k]) => k !== 'soft-skills' && k !== 'office-productivity')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k]) => k);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
