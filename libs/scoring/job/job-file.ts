import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DomainError } from '../../common/errors';
import { DEGREE_LEVELS } from '../../parsing/profile.types';
import type { JobRequirements } from '../job.types';
import { parseJobPosting } from './job-posting.parser';

/** Reads a job for the CLI: `.json` holds JobRequirements, `.md`/`.txt` a posting to parse. */
export function loadJobFile(path: string): JobRequirements {
  const ext = extname(path).toLowerCase();
  const raw = readFileSync(path, 'utf8');
  if (ext === '.json') return validateJob(JSON.parse(raw) as unknown, path);
  if (ext === '.md' || ext === '.txt' || ext === '.markdown') return parseJobPosting(raw);
  throw new DomainError(
    'JOB.UNSUPPORTED_FILE',
    `${path}: a job file must be .json, .md or .txt`,
    'validation',
  );
}

export function validateJob(v: unknown, where = 'job'): JobRequirements {
  const bad = (msg: string) => new DomainError('JOB.INVALID', `${where}: ${msg}`, 'validation');
  if (typeof v !== 'object' || v === null) throw bad('expected an object');
  const o = v as Record<string, unknown>;
  const strings = (k: string): string[] => {
    const x = o[k] ?? [];
    if (!Array.isArray(x) || x.some((s) => typeof s !== 'string'))
      throw bad(`${k} must be an array of strings`);
    return x as string[];
  };
  if (typeof o.title !== 'string' || !o.title.trim()) throw bad('title is required');
  if (o.minYears !== undefined && (typeof o.minYears !== 'number' || o.minYears < 0))
    throw bad('minYears must be a non-negative number');
  if (o.educationLevel !== undefined && !DEGREE_LEVELS.includes(o.educationLevel as never)) {
    throw bad(`educationLevel must be one of ${DEGREE_LEVELS.join(', ')}`);
  }
  const t = o.thresholds as { strongFit?: unknown; potentialFit?: unknown } | undefined;
  if (
    t !== undefined &&
    (typeof t.strongFit !== 'number' ||
      typeof t.potentialFit !== 'number' ||
      t.potentialFit > t.strongFit)
  ) {
    throw bad(
      'thresholds must be {strongFit, potentialFit} numbers with potentialFit <= strongFit',
    );
  }
  return {
    title: o.title.trim(),
    description: typeof o.description === 'string' ? o.description : '',
    requiredSkills: strings('requiredSkills'),
    preferredSkills: strings('preferredSkills'),
    minYears: o.minYears as number | undefined,
    educationLevel: o.educationLevel as JobRequirements['educationLevel'],
    thresholds: t as JobRequirements['thresholds'],
  };
}
