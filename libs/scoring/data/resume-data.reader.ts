import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../common/errors';
import type { ResumeDataRecord } from './resume-data.mapper';

const REQUIRED_COLUMNS = ['skills', 'job_position_name'];
const JOB_COLUMNS = [
  'job_position_name',
  'educationaL_requirements',
  'experiencere_requirement',
  'age_requirement',
  'responsibilities.1',
  'skills_required',
];
const NOT_RESUME = new Set([
  'resume_id',
  'job_id',
  'matched_score',
  'holdout_type',
  'responsibilities',
  ...JOB_COLUMNS,
]);

/**
 * Reads a CSV with the columns of resume_data.csv (RFC 4180, embedded newlines). Rows without
 * `resume_id`/`job_id` get stable ids hashed from their resume and job columns, so that grouping
 * by resume and by job works on any file with the original columns.
 */
export function readResumeDataCsv(path: string): ResumeDataRecord[] {
  const rows = parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
  }) as ResumeDataRecord[];
  const first = rows[0];
  const missing = first ? REQUIRED_COLUMNS.filter((c) => !(c in first)) : REQUIRED_COLUMNS;
  if (missing.length) {
    throw new DomainError(
      'EVAL.BAD_DATASET',
      `${path}: missing column(s) ${missing.join(', ')}`,
      'validation',
    );
  }
  for (const row of rows) {
    row.resume_id ||=
      'R' +
      digest(
        Object.keys(row)
          .filter((k) => !NOT_RESUME.has(k))
          .map((k) => row[k] ?? ''),
      );
    row.job_id ||= 'J' + digest(JOB_COLUMNS.map((k) => row[k] ?? ''));
  }
  return rows;
}

const digest = (values: string[]): string =>
  createHash('sha256').update(values.join('\u0000')).digest('hex').slice(0, 12);
