import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../common/errors';
import type { ResumeDataRecord } from './resume-data.mapper';

const REQUIRED_COLUMNS = ['resume_id', 'job_id', 'skills', 'job_position_name'];

/** Reads a CSV with the columns of resume_data.csv (RFC 4180, embedded newlines). */
export function readResumeDataCsv(path: string): ResumeDataRecord[] {
  const rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as ResumeDataRecord[];
  const first = rows[0];
  const missing = first ? REQUIRED_COLUMNS.filter((c) => !(c in first)) : REQUIRED_COLUMNS;
  if (missing.length) {
    throw new DomainError('EVAL.BAD_DATASET', `${path}: missing column(s) ${missing.join(', ')}`, 'validation');
  }
  return rows;
}
