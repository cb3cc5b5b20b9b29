import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDomainError } from '../../../libs/common/errors';
import { parseResume, shutdownExtractors, type Profile } from '../../../libs/parsing';
import { loadJobFile, redactProfile, ScreeningModel } from '../../../libs/scoring';
import type { CommandRegistrar } from '../cli.types';

interface ScoreOptions {
  job: string;
  modelVersion?: string;
  modelsDir?: string;
}

/** Scoring is batched: one session.run per this many resumes. */
const BATCH = 64;

/**
 * `screener score --job <job.json|job.md|job.txt> <resume files or directories...>`: one JSON line
 * per resume, in input order, with `file`, `score` (0..100), `label`, `explanation`,
 * `modelVersion` and `modelSha256`. A resume that cannot be parsed, or whose text fails the quality
 * gate, gets a line with `score: null` and an `error` or `status: "needs_review"`, and the exit
 * code becomes 1.
 */
export const registerScoreCommand: CommandRegistrar = (program, setExitCode) => {
  program
    .command('score')
    .description('Score resumes against a job with the screening model; prints JSON lines')
    .requiredOption('--job <file>', 'job: .json (JobRequirements) or a .md/.txt posting')
    .option(
      '--model-version <version>',
      'model version (default: MODEL_VERSION, models/active.json, or the newest)',
    )
    .option('--models-dir <dir>', 'directory holding screening-<version>.{onnx,json}')
    .argument('<resumes...>', 'resume files (PDF, DOCX, TXT) or directories of them')
    .action(async (resumes: string[], opts: ScoreOptions) => {
      const job = loadJobFile(opts.job);
      const model = await ScreeningModel.load({
        version: opts.modelVersion,
        modelsDir: opts.modelsDir,
      });
      const files = await expandFiles(resumes);
      try {
        for (let i = 0; i < files.length; i += BATCH) {
          const lines = await scoreChunk(files.slice(i, i + BATCH), job, model);
          for (const line of lines) {
            if (line.score === null) setExitCode(1);
            process.stdout.write(JSON.stringify(line) + '\n');
          }
        }
      } finally {
        await shutdownExtractors();
      }
    });
};

type Line = { file: string; score: number | null } & Record<string, unknown>;

async function scoreChunk(
  files: string[],
  job: ReturnType<typeof loadJobFile>,
  model: ScreeningModel,
): Promise<Line[]> {
  const parsed: (Profile | Line)[] = [];
  for (const file of files) parsed.push(await parseOne(file));
  const scorable = parsed.flatMap((p, i) =>
    isProfile(p) ? [{ i, profile: redactProfile(p) }] : [],
  );
  const results = await model.scoreBatch(scorable.map((s) => ({ profile: s.profile, job })));
  const out = parsed.map((p, i): Line => (isProfile(p) ? { file: files[i], score: null } : p));
  scorable.forEach((s, k) => {
    const r = results[k];
    out[s.i] = {
      file: files[s.i],
      score: r.score,
      label: r.label,
      explanation: r.explanation,
      modelVersion: r.modelVersion,
      modelSha256: r.modelSha256,
    };
  });
  return out;
}

async function parseOne(file: string): Promise<Profile | Line> {
  try {
    const profile = await parseResume(await readFile(file));
    if (!profile.quality.ok)
      return {
        file,
        score: null,
        label: null,
        status: 'needs_review',
        reason: profile.quality.reason,
      };
    return profile;
  } catch (err) {
    if (!isDomainError(err) && (err as NodeJS.ErrnoException).code === undefined) throw err;
    const code = isDomainError(err) ? err.code : `FILE.${(err as NodeJS.ErrnoException).code}`;
    return { file, score: null, label: null, error: { code, message: (err as Error).message } };
  }
}

const isProfile = (p: Profile | Line): p is Profile => 'schemaVersion' in p;

/** Files as given; a directory contributes its regular files, sorted, non-recursively. */
async function expandFiles(paths: string[]): Promise<string[]> {
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
