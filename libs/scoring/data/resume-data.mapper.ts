import type {
  CertificationEntry,
  EducationEntry,
  ExperienceEntry,
  Profile,
  SkillMention,
  Span,
} from '../../parsing/profile.types';
import type { JobRequirements } from '../job.types';
import { highestDegreeIn } from '../job/degree-level';
import { SkillIndex } from '../skills/skill-index';
import { formatMonth, parseLooseDate } from './month-date';
import { flattenPy, pyList, pyStrings, type PyValue } from './py-literal';
import { TextBuilder } from './text-builder';
import { mapResumeDataJob } from './resume-data-job.mapper';

/**
 * Maps one row of resume_data.csv (structured, pre-parsed resume columns) to our Profile, so that
 * training features go through the same `redactProfile` → `computeFeatures` path as uploads.
 * The resume-side `responsibilities` column is deliberately ignored: it is a copy of the job's
 * `responsibilities.1` and leaks the label.
 */
export type ResumeDataRecord = Record<string, string | undefined>;

/** "Current" roles end here; the dataset was collected around the end of 2023. */
export const RESUME_DATA_REFERENCE_MONTH = 2024 * 12 + 0;

export interface ResumeDataRow {
  resumeId: string;
  jobId: string;
  profile: Profile;
  job: JobRequirements;
  matchedScore?: number;
  holdoutType?: string;
}

export class ResumeDataMapper {
  private readonly profiles = new Map<string, Profile>();
  private readonly jobs = new Map<string, JobRequirements>();

  constructor(private readonly skills: SkillIndex = SkillIndex.default()) {}

  map(row: ResumeDataRecord): ResumeDataRow {
    const resumeId = row.resume_id ?? '';
    const jobId = row.job_id ?? '';
    let profile = resumeId ? this.profiles.get(resumeId) : undefined;
    if (!profile) {
      profile = mapResumeDataProfile(row, this.skills);
      if (resumeId) this.profiles.set(resumeId, profile);
    }
    let job = jobId ? this.jobs.get(jobId) : undefined;
    if (!job) {
      job = mapResumeDataJob(row, this.skills);
      if (jobId) this.jobs.set(jobId, job);
    }
    const score =
      row.matched_score === undefined || row.matched_score === ''
        ? undefined
        : Number(row.matched_score);
    const holdout = row.holdout_type?.trim();
    return {
      resumeId,
      jobId,
      profile,
      job,
      matchedScore: score,
      holdoutType: holdout || undefined,
    };
  }
}

export function mapResumeDataProfile(row: ResumeDataRecord, skills: SkillIndex): Profile {
  const b = new TextBuilder();
  const address = clean(row.address);
  if (address) b.line(address);
  const objective = clean(row.career_objective);
  const summarySpan = objective ? b.line(objective) : undefined;
  const mentions = new SkillMentions(skills);
  const skillNames = pyStrings(row.skills);
  if (skillNames.length) {
    b.line('Skills');
    b.list(skillNames, ', ').forEach((span, i) => mentions.add(skillNames[i], span, 'skills'));
    b.line();
  }
  const experience = addExperience(row, b, mentions);
  const education = addEducation(row, b);
  const certifications = addCertifications(row, b, mentions);
  const text = b.toString();
  return {
    schemaVersion: 1,
    text,
    sections: [],
    contact: { links: [], location: address ? { value: address, confidence: 1 } : undefined },
    summary:
      objective && summarySpan ? { value: objective, confidence: 1, span: summarySpan } : undefined,
    headline: experience[0]?.title ? { value: experience[0].title, confidence: 0.5 } : undefined,
    skills: mentions.list(),
    experience,
    totalExperienceMonths: mergedMonths(experience),
    education,
    highestDegree: education.reduce(
      (best, e) => (rank(e.level) > rank(best) ? e.level : best),
      'none' as Profile['highestDegree'],
    ),
    certifications,
    languages: pyStrings(row.languages).map((language) => ({ language })),
    quality: {
      ok: true,
      textLength: text.length,
      garbageRatio: 0,
      needsOcr: false,
      flags: [],
      excludedSpans: [],
    },
  };
}

function addExperience(
  row: ResumeDataRecord,
  b: TextBuilder,
  mentions: SkillMentions,
): ExperienceEntry[] {
  const positions = pyList(row.positions);
  if (!positions.length) return [];
  const companies = pyList(row.professional_company_names);
  const starts = pyList(row.start_dates);
  const ends = pyList(row.end_dates);
  const related = pyList(row.related_skils_in_job);
  b.line('Experience');
  const out: ExperienceEntry[] = [];
  positions.forEach((pos, i) => {
    const title = str(pos);
    const employer = str(companies[i]);
    const start = parseLooseDate(str(starts[i]));
    const end = parseLooseDate(str(ends[i]));
    const startIdx = start.kind === 'month' ? start.index : undefined;
    const current = end.kind === 'present';
    const endIdx =
      end.kind === 'month' ? end.index : current ? RESUME_DATA_REFERENCE_MONTH : undefined;
    const months =
      startIdx !== undefined && endIdx !== undefined ? Math.max(0, endIdx - startIdx) : 0;
    const from = b.position;
    b.line(
      [title, employer].filter(Boolean).join(' at ') + dateRange(str(starts[i]), str(ends[i])),
    );
    const skillsUsed = flat(related[i]);
    if (skillsUsed.length) {
      b.add('Skills used: ');
      b.list(skillsUsed, ', ').forEach((span, k) =>
        mentions.add(skillsUsed[k], span, 'experience'),
      );
      b.line();
    }
    out.push({
      title,
      employer,
      current,
      months,
      confidence: 1,
      start: startIdx !== undefined ? formatMonth(startIdx) : undefined,
      end: end.kind === 'month' ? formatMonth(end.index) : undefined,
      description: skillsUsed.length ? `Skills used: ${skillsUsed.join(', ')}` : '',
      span: { start: from, end: b.position },
    });
  });
  b.line();
  return out;
}

function addEducation(row: ResumeDataRecord, b: TextBuilder): EducationEntry[] {
  const degrees = pyList(row.degree_names);
  if (!degrees.length) return [];
  const majors = pyList(row.major_field_of_studies);
  const schools = pyList(row.educational_institution_name);
  const years = pyList(row.passing_years);
  b.line('Education');
  const out = degrees.map((d, i): EducationEntry => {
    const degree = str(d);
    const field = str(majors[i]);
    const institution = str(schools[i]);
    const year = Number(str(years[i]));
    const span = b.line(
      [degree && field ? `${degree} in ${field}` : degree || field, institution, year || '']
        .filter(Boolean)
        .join(', '),
    );
    return {
      level: highestDegreeIn(`${degree ?? ''} ${field ?? ''}`),
      degree,
      field,
      institution,
      year: year || undefined,
      confidence: 1,
      span,
    };
  });
  b.line();
  return out;
}

function addCertifications(
  row: ResumeDataRecord,
  b: TextBuilder,
  mentions: SkillMentions,
): CertificationEntry[] {
  const providers = pyList(row.certification_providers);
  const certSkills = pyList(row.certification_skills);
  const n = Math.max(providers.length, certSkills.length);
  const out: CertificationEntry[] = [];
  for (let i = 0; i < n; i++) {
    const topics = flat(certSkills[i]);
    const issuer = str(providers[i]);
    if (!topics.length && !issuer) continue;
    if (!out.length) b.line('Certifications');
    const name = topics.length ? topics.join(', ') : (issuer ?? '');
    const span = b.line(issuer && topics.length ? `${name} (${issuer})` : name);
    if (topics.length)
      mentions.add(
        topics[0],
        { start: span.start, end: span.start + topics[0].length },
        'certifications',
      );
    out.push({ name, issuer, span });
  }
  return out;
}

/** Skill mentions merged by canonical name, in first-seen order. */
class SkillMentions {
  private readonly byCanonical = new Map<string, SkillMention>();
  constructor(private readonly skills: SkillIndex) {}

  add(name: string, span: Span, section: SkillMention['sections'][number]): void {
    const n = this.skills.normalize(name);
    if (!n.canonical) return;
    const m = this.byCanonical.get(n.canonical);
    if (m) {
      m.spans.push(span);
      if (!m.sections.includes(section)) m.sections.push(section);
    } else {
      this.byCanonical.set(n.canonical, {
        canonical: n.canonical,
        category: n.category,
        confidence: n.known ? 1 : 0.6,
        spans: [span],
        sections: [section],
      });
    }
  }

  list(): SkillMention[] {
    return [...this.byCanonical.values()];
  }
}

/** Months covered by at least one role, so overlapping roles are not double counted. */
function mergedMonths(entries: readonly ExperienceEntry[]): number {
  const covered = new Set<number>();
  let undated = 0;
  for (const e of entries) {
    const m = e.start ? /^(\d{4})-(\d{2})$/.exec(e.start) : null;
    if (!m) {
      undated += e.months;
      continue;
    }
    const s = Number(m[1]) * 12 + Number(m[2]) - 1;
    for (let k = 0; k < e.months; k++) covered.add(s + k);
  }
  return covered.size + undated;
}

const rank = (l: Profile['highestDegree']): number =>
  ['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate'].indexOf(l);
const clean = (s: string | undefined): string =>
  s && s !== 'nan' ? s.replace(/\s+\n/g, '\n').trim() : '';
const str = (v: PyValue | undefined): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;
const flat = (v: PyValue | undefined): string[] => flattenPy(v);
const dateRange = (s?: string, e?: string): string =>
  s || e ? ` (${s ?? '?'} – ${e ?? '?'})` : '';
