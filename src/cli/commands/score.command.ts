import { shutdownExtractors } from '../../../libs/parsing';
import { ScreeningModel } from '../../../libs/scoring';
import type { CommandRegistrar } from '../cli.types';
import { expandFiles, FileOutcome, readJob, scoreFiles } from '../resume-batch';

interface ScoreOptions {
  job: string;
  modelVersion?: string;
  modelsDir?: string;
}

/** The JSON line for one resume: `file` and `score` always; the rest says why when there is no score. */
export function scoreJsonLine(o: FileOutcome): Record<string, unknown> {
  if (o.score === null) {
    return o.status === 'error'
      ? { file: o.file, score: null, label: null, error: { code: o.code, message: o.message } }
      : { file: o.file, score: null, label: null, status: 'needs_review', reason: o.reason };
  }
  const r = o.result;
  return {
    file: o.file,
    score: r.score,
    label: r.label,
    explanation: r.explanation,
    modelVersion: r.modelVersion,
    modelSha256: r.modelSha256,
  };
}

/**
 * `screener score --job <job.json|.md|.txt|.pdf|.docx> <resume files or directories...>`: one JSON
 * line per resume, in input order, with `file`, `score` (0..100), `label`, `explanation`,
 * `modelVersion` and `modelSha256`. A resume that cannot be parsed, or whose text fails the quality
 * gate, gets `score: null` with an `error` or `status: "needs_review"`, and the exit code becomes 1.
 */
export const registerScoreCommand: CommandRegistrar = (program, setExitCode) => {
  program
    .command('score')
    .description('Score resumes against a job with the screening model; prints JSON lines')
    .requiredOption('--job <file>', 'job: .json (JobRequirements) or a .md/.txt/.pdf/.docx posting')
    .option(
      '--model-version <version>',
      'model version (default: MODEL_VERSION, models/active.json, or the newest)',
    )
    .option('--models-dir <dir>', 'directory holding screening-<version>.{onnx,json}')
    .argument('<resumes...>', 'resume files (PDF, DOCX, TXT) or directories of them')
    .action(async (resumes: string[], opts: ScoreOptions) => {
      const job = await readJob(opts.job);
      const model = await ScreeningModel.load({
        version: opts.modelVersion,
        modelsDir: opts.modelsDir,
      });
      const files = await expandFiles(resumes);
      try {
        for (const outcome of await scoreFiles(files, job, model)) {
          if (outcome.score === null) setExitCode(1);
          process.stdout.write(JSON.stringify(scoreJsonLine(outcome)) + '\n');
        }
      } finally {
        await shutdownExtractors();
      }
    });
};
