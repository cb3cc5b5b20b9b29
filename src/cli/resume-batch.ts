import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DomainError, isDomainError } from '../../libs/common/errors';
import {
  extractText,
  normalizeText,
  parseResume,
  sniffFileKind,
  type Profile,
} from '../../libs/parsing';
import {
  loadJobFile,
  parseJobPosting,
  redactProfile,
  type ScoreResult,
  type ScreeningModel,
} from '../../libs/scoring';
import type { JobRequirements } from '../../libs/scoring/job.types';

/** One input file's outcome: a score, or why there is none (never both). */
export type FileOutcome =
  | { file: string; score: number; result: ScoreResult }
  | { file: string; score: null; status: 'needs_review'; reason: string }
  | { file: string; score: null; status: 'error'; code: string; message: string };

/** `.json`/`.md`/`.txt` jobs are read directly; a PDF or DOCX posting is extracted first. */
export async function readJob(path: string): Promise<JobRequirements> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.pdf' && ext !== '.docx') return loadJobFile(path);
  const bytes = await readFile(path);
  const kind = sniffFileKind(bytes);
  if (kind !== 'pdf' && kind !== 'docx') {
    throw new DomainError(
      'JOB.UNSUPPORTED_FILE',
      `${path}: not a readable ${ext.slice(1).toUpperCase()} file`,
      'validation',
    );
  }
  return parseJobPosting(normalizeText((await extractText(bytes, kind)).text));
}

/** Files as given; a directory contributes its regular files, sorted, non-recursively. */
export async function expandFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const n of names) if ((await stat(join(p, n))).isFile()) out.push(join(p, n));
    } else out.push(p);
  }
  return out;
}

/** Parses one file; an unreadable or unparseable file becomes an outcome, never an exception. */
export async function parseFile(file: string): Promise<Profile | FileOutcome> {
  try {
    const profile = await parseResume(await readFile(file));
    if (!profile.quality.ok)
      return {
        file,
        score: null,
        status: 'needs_review',
        reason: profile.quality.reason ?? 'quality gate',
      };
    return profile;
  } catch (err) {
    const errno = (err as NodeJS.ErrnoException).code;
    if (!isDomainError(err) && errno === undefined) throw err;
    const code = isDomainError(err) ? err.code : `FILE.${errno}`;
    return { file, score: null, status: 'error', code, message: (err as Error).message };
  }
}

const isProfile = (p: Profile | FileOutcome): p is Profile => 'schemaVersion' in p;

/** Parses and scores `files` in order, scoring each chunk in one ONNX run. */
export async function scoreFiles(
  files: string[],
  job: JobRequirements,
  model: ScreeningModel,
  onProgress: (done: number) => void = () => undefined,
  chunk = 64,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (let i = 0; i < files.length; i += chunk) {
    const slice = files.slice(i, i + chunk);
    const parsed: (Profile | FileOutcome)[] = [];
    for (const f of slice) {
      parsed.push(await parseFile(f));
      onProgress(out.length + parsed.length);
    }
    const scorable = parsed.flatMap((p, k) =>
      isProfile(p) ? [{ k, profile: redactProfile(p) }] : [],
    );
    const results = await model.scoreBatch(scorable.map((s) => ({ profile: s.profile, job })));
    const scored = parsed as (Profile | FileOutcome)[];
    scorable.forEach(
      (s, n) => (scored[s.k] = { file: slice[s.k], score: results[n].score, result: results[n] }),
    );
    out.push(...(scored as FileOutcome[]));
  }
  return out;
}
