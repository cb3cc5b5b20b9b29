import type { Profile } from '../../parsing/profile.types';
import { jobText, skillJaccard, TfidfBaseline } from '../eval/baselines';
import { fitCategoryAffinity } from '../features/category-affinity';
import { computeFeatures } from '../features/compute-features';
import { resumeCategories } from '../features/resume-context';
import { SkillIndex } from '../skills/skill-index';
import { FEATURE_NAMES } from '../features/feature-names';
import type { JobRequirements } from '../job.types';
import { redactProfile } from '../redact-profile';
import type { RedactedProfile } from '../redacted-profile.types';
import { fitTextStats, type TextStats } from '../text/text-stats';
import { ResumeDataMapper, type ResumeDataRecord, type ResumeDataRow } from './resume-data.mapper';

/** Rows of resume_data.csv mapped to profiles, with each distinct resume redacted once. */
export interface MappedDataset {
  rows: ResumeDataRow[];
  redacted: Map<Profile, RedactedProfile>;
}

export function mapDataset(records: readonly ResumeDataRecord[]): MappedDataset {
  const mapper = new ResumeDataMapper();
  const rows = records.map((r) => mapper.map(r));
  const redacted = new Map<Profile, RedactedProfile>();
  for (const row of rows)
    if (!redacted.has(row.profile)) redacted.set(row.profile, redactProfile(row.profile));
  return { rows, redacted };
}

/** TF-IDF statistics over the distinct (redacted) resumes and jobs of a dataset. */
export function fitDatasetStats(ds: MappedDataset): TextStats {
  const jobs = new Set<JobRequirements>(ds.rows.map((r) => r.job));
  const resumes = [...ds.redacted.values()];
  const stats = fitTextStats([...resumes.map((p) => p.text), ...[...jobs].map(jobText)]);
  const skills = SkillIndex.default();
  stats.categoryAffinity = fitCategoryAffinity(
    resumes.map((p) => resumeCategories(p, skills.findInText(p.text))),
  );
  return stats;
}

export const MATRIX_ID_COLUMNS = ['resume_id', 'job_id', 'matched_score', 'holdout_type'] as const;
export const MATRIX_BASELINE_COLUMNS = ['baseline_tfidf', 'baseline_jaccard'] as const;

/** The training matrix as CSV text: ids, label, features in FEATURE_NAMES order, then the baselines. */
export function featureMatrixCsv(ds: MappedDataset, stats: TextStats): string {
  const tfidf = new TfidfBaseline([
    ...new Set([...ds.rows.map((r) => r.profile.text), ...ds.rows.map((r) => jobText(r.job))]),
  ]);
  const header = [...MATRIX_ID_COLUMNS, ...FEATURE_NAMES, ...MATRIX_BASELINE_COLUMNS].join(',');
  const lines = [header];
  for (const row of ds.rows) {
    const p = ds.redacted.get(row.profile) as RedactedProfile;
    const x = computeFeatures(p, row.job, stats);
    const ids = [row.resumeId, row.jobId, row.matchedScore ?? '', csvCell(row.holdoutType ?? '')];
    const base = [
      tfidf.score(row.profile.text, jobText(row.job)),
      skillJaccard(row.profile, row.job),
    ];
    lines.push([...ids, ...Array.from(x, fmt), ...base.map(fmt)].join(','));
  }
  return lines.join('\n') + '\n';
}

const fmt = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
