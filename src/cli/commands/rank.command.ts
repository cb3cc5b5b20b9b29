import { shutdownExtractors } from '../../../libs/parsing';
import { ScreeningModel } from '../../../libs/scoring';
import type { CommandRegistrar } from '../cli.types';
import { expandFiles, FileOutcome, readJob, scoreFiles } from '../resume-batch';
import { ProgressBar } from '../progress-bar';
import { renderRankTable } from '../rank-table';

interface RankOptions {
  job: string;
  json?: boolean;
  top?: string;
  modelVersion?: string;
  modelsDir?: string;
}

/** Ranked order: scores descending, then unscored files (needs review, errors) by name. */
export function rankOutcomes(outcomes: FileOutcome[]): FileOutcome[] {
  return [...outcomes].sort((a, b) => {
    if (a.score !== null && b.score !== null)
      return b.score - a.score || a.file.localeCompare(b.file);
    if (a.score !== null) return -1;
    if (b.score !== null) return 1;
    return a.file.localeCompare(b.file);
  });
}

/** The `--json` line for one file: `file` and `score` always, then label and reasons or the reason for none. */
export function rankJsonLine(o: FileOutcome, rank: number | null): Record<string, unknown> {
  if (o.score === null) {
    const why =
      o.status === 'error' ? { error: { code: o.code, message: o.message } } : { reason: o.reason };
    return { file: o.file, score: null, rank, label: null, status: o.status, ...why };
  }
  const r = o.result;
  return {
    file: o.file,
    score: r.score,
    rank,
    label: r.label,
    topReasons: r.explanation.reasons.slice(0, 3).map((x) => x.text),
    explanation: r.explanation,
    modelVersion: r.modelVersion,
    modelSha256: r.modelSha256,
  };
}

/**
 * `screener rank --job <posting> <files or dirs...>`: parses and scores every resume offline
 * (no Mongo or Redis) and prints a ranked shortlist, or JSON lines with `--json`.
 */
export const registerRankCommand: CommandRegistrar = (program, setExitCode) => {
  program
    .command('rank')
    .description('Rank resumes against a job posting, offline; prints a table or JSON lines')
    .requiredOption('--job <file>', 'job: .md, .txt, .pdf, .docx posting or .json JobRequirements')
    .option('--json', 'print one JSON object per resume, best first')
    .option('--top <n>', 'show only the best n in the table')
    .option('--model-version <version>', 'model version (default: the active one in models/)')
    .option('--models-dir <dir>', 'directory holding screening-<version>.{onnx,json}')
    .argument('<resumes...>', 'resume files (PDF, DOCX, TXT) or directories of them')
    .action(async (inputs: string[], opts: RankOptions) => {
      const job = await readJob(opts.job);
      const model = await ScreeningModel.load({
        version: opts.modelVersion,
        modelsDir: opts.modelsDir,
      });
      const files = await expandFiles(inputs);
      const bar = new ProgressBar(files.length, process.stderr, files.length > 20);
      try {
        const ranked = rankOutcomes(await scoreFiles(files, job, model, (n) => bar.update(n)));
        bar.done();
        if (ranked.some((o) => o.score === null)) setExitCode(1);
        if (opts.json) {
          let rank = 0;
          for (const o of ranked)
            process.stdout.write(
              JSON.stringify(rankJsonLine(o, o.score === null ? null : ++rank)) + '\n',
            );
        } else {
          process.stdout.write(
            renderRankTable(job, ranked, model.version, opts.top ? Number(opts.top) : undefined),
          );
        }
      } finally {
        await shutdownExtractors();
      }
    });
};
