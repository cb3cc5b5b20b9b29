import type { DegreeLevel, Span } from '../../parsing/profile.types';
import type { FeatureComputation, FeatureDetails } from '../features/compute-features';
import { FEATURE_INDEX, type FeatureName } from '../features/feature-names';
import type { JobRequirements } from '../job.types';
import type { Contribution, Reason } from '../score.types';

/** Reasons whose features moved the score by less than this many points are not worth a sentence. */
const MIN_POINTS = 0.25;
const MAX_REASONS = 6;
const MAX_EVIDENCE = 12;

interface ReasonGroup {
  features: FeatureName[];
  render(
    d: FeatureDetails,
    values: Record<string, number>,
    job: JobRequirements,
    positive: boolean,
  ): Omit<Reason, 'impact'> | undefined;
}

// The first group must stay the required-skills one (see renderReasons).
const GROUPS: ReasonGroup[] = [
  {
    features: [
      'required_skill_coverage',
      'required_skill_token_coverage',
      'required_skills_missing',
      'skills_text_cosine',
    ],
    render: (d) => {
      const r = d.required;
      if (r.total === 0) return undefined;
      const missing = r.missing.length ? `; missing: ${list(r.missing, 5)}` : '';
      return {
        text: `Has ${r.matched.length} of ${r.total} required skills${missing}`,
        evidence: spans(r.matched.flatMap((m) => m.evidence)),
      };
    },
  },
  {
    features: [
      'skill_category_similarity',
      'skill_category_overlap',
      'specific_category_similarity',
      'dominant_category_match',
      'soft_category_similarity',
    ],
    render: (d, _v, _job, positive) => {
      const { job, resume } = d.categories;
      if (!job.length) return undefined;
      const shared = resume.filter((c) => job.includes(c));
      if (positive && shared.length)
        return {
          text: `Skills are in the job's field (${list(shared.map(field), 3)})`,
          evidence: d.categories.evidence,
        };
      const centre = resume.length ? `; the resume centres on ${list(resume.map(field), 3)}` : '';
      return {
        text: `${positive ? 'Skills are close to' : 'Few skills in'} the job's field (${list(job.map(field), 3)})${centre}`,
      };
    },
  },
  {
    features: ['preferred_skill_coverage'],
    render: (d) => {
      const p = d.preferred;
      if (p.total === 0) return undefined;
      const names = p.matched.length
        ? `: ${list(
            p.matched.map((m) => m.name),
            5,
          )}`
        : '';
      return {
        text: `Has ${p.matched.length} of ${p.total} preferred skills${names}`,
        evidence: spans(p.matched.flatMap((m) => m.evidence)),
      };
    },
  },
  {
    features: [
      'relevant_experience_years',
      'relevant_experience_gap',
      'total_experience_years',
      'total_experience_gap',
      'relevant_recency_months',
      'position_count',
    ],
    render: (d, v) => {
      const required = d.minYears !== undefined ? ` (${years(d.minYears)} required)` : '';
      if (d.relevantRoles.length === 0) {
        return {
          text: `No role closely related to the job; ${years(d.totalYears)} of experience overall${required}`,
        };
      }
      const gap = v.relevant_recency_months;
      const recency =
        gap > 12 && gap <= 120
          ? `; the latest related role ended ${years(Math.round(gap / 12))} before the most recent one`
          : '';
      return {
        text: `${years(d.relevantYears)} of relevant experience${required}${recency}`,
        evidence: spans(d.relevantRoles.map((r) => r.span)),
      };
    },
  },
  {
    features: ['title_similarity', 'latest_title_similarity', 'seniority_peak', 'seniority_gap'],
    render: (d, _v, job, positive) => {
      const similar = d.bestTitle && d.bestTitle.similarity >= 0.3 ? d.bestTitle : undefined;
      if (similar) {
        const seniority = positive ? '' : ', at a different seniority';
        return {
          text: `Held a similar title: "${similar.title}"${seniority}`,
          evidence: similar.span ? [similar.span] : undefined,
        };
      }
      return {
        text: positive
          ? 'Seniority of previous titles suits the role'
          : `No previous title resembles "${job.title}"`,
      };
    },
  },
  {
    features: ['text_cosine', 'text_bm25', 'summary_cosine', 'experience_cosine'],
    // Contributions are relative to a typical (median) training resume, so the wording is too.
    render: (_d, _v, _job, positive) => ({
      text: `Resume wording is ${positive ? 'closer to' : 'further from'} the job description than a typical resume's`,
    }),
  },
  {
    features: ['education_rank', 'education_gap', 'education_field_similarity'],
    render: (d, v) => {
      const req = d.education.required
        ? `${DEGREE_NAMES[d.education.required]} required`
        : 'no degree stated as required';
      const field = d.education.field ? ` in ${d.education.field.slice(0, 60).trim()}` : '';
      const has =
        d.education.level === 'none'
          ? 'No degree found'
          : `${cap(DEGREE_NAMES[d.education.level])} degree${field}`;
      const unrelated =
        field && v.education_field_similarity < 0.05
          ? '; the posting does not name this field'
          : '';
      return { text: `${has} (${req})${unrelated}`, evidence: spans(d.education.spans) };
    },
  },
  {
    features: ['certification_matches'],
    render: (d) =>
      d.certifications.length
        ? {
            text: `${d.certifications.length} certification(s) related to the job: ${list(
              d.certifications.map((c) => c.name),
              3,
            )}`,
            evidence: spans(d.certifications.map((c) => c.span)),
          }
        : { text: 'No certification related to the job' },
  },
  {
    features: ['skill_count', 'summary_length', 'entry_level_terms'],
    render: (_d, v) =>
      v.entry_level_terms > 0
        ? { text: `Summary describes an early-career profile; lists ${v.skill_count} skills` }
        : { text: `Lists ${v.skill_count} skills across ${v.position_count} role(s)` },
  },
];

/**
 * Turns feature contributions into sentences. A sentence's impact is the sign of the summed
 * contributions of its features, so the wording never contradicts the model; the job-context
 * features (identical for every candidate of a job) get no sentence.
 */
export function renderReasons(
  computed: FeatureComputation,
  contributions: readonly Contribution[],
  job: JobRequirements,
): Reason[] {
  const byFeature = new Map(contributions.map((c) => [c.feature, c.contribution]));
  const values: Record<string, number> = {};
  for (const c of contributions) values[c.feature] = c.value;
  // Features at their reference value have no contribution entry; read their values directly.
  for (const [name, k] of Object.entries(FEATURE_INDEX)) values[name] ??= computed.values[k];
  const all = GROUPS.map((g) => ({
    g,
    points: g.features.reduce((a, f) => a + (byFeature.get(f) ?? 0), 0),
  }));
  const scored = all
    .filter((x) => Math.abs(x.points) >= MIN_POINTS)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, MAX_REASONS);
  // Required-skill coverage is what a recruiter checks first, so it is always stated, last when it
  // barely moved the score; with no measurable contribution its impact follows the missing skills.
  const skills = all[0];
  if (!scored.includes(skills))
    scored.push({
      g: skills.g,
      points: skills.points || (computed.details.required.missing.length ? -1e-9 : 1e-9),
    });
  const out: Reason[] = [];
  for (const { g, points } of scored) {
    const r = g.render(computed.details, values, job, points > 0);
    if (!r) continue;
    const reason: Reason = { text: r.text, impact: points > 0 ? 'positive' : 'negative' };
    if (r.evidence && r.evidence.length) reason.evidence = r.evidence;
    out.push(reason);
  }
  return out;
}

const DEGREE_NAMES: Record<DegreeLevel, string> = {
  none: 'no degree',
  high_school: 'high-school',
  associate: "associate's",
  bachelor: "bachelor's",
  master: "master's",
  doctorate: 'doctoral',
};

const field = (category: string): string => category.replace(/-/g, ' ');
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const years = (y: number): string =>
  y === 1 ? '1 year' : `${Number.isInteger(y) ? y : y.toFixed(1)} years`;
const list = (xs: readonly string[], n: number): string =>
  xs.slice(0, n).join(', ') + (xs.length > n ? ` and ${xs.length - n} more` : '');
const spans = (xs: readonly Span[]): Span[] | undefined =>
  xs.length ? [...xs].sort((a, b) => a.start - b.start).slice(0, MAX_EVIDENCE) : undefined;
