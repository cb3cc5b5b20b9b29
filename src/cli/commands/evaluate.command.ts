import { InvalidArgumentError } from 'commander';
import { DomainError } from '../../../libs/common/errors';
import {
  evaluateCategories,
  evaluateResumeData,
  readResumeDataCsv,
  ScreeningModel,
} from '../../../libs/scoring';
import type { CategoriesDetail, RankMetrics, ResumeDataReport } from '../../../libs/scoring';
import type { CommandRegistrar } from '../cli.types';

const DATASETS = ['resume-data', 'categories'] as const;
type Dataset = (typeof DATASETS)[number];

interface EvaluateOptions {
  dataset: Dataset;
  jobs?: string;
  json?: boolean;
  modelVersion?: string;
  modelsDir?: string;
}

function parseDataset(value: string): Dataset {
  if (!(DATASETS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of: ${DATASETS.join(', ')}`);
  return value as Dataset;
}

/**
 * `screener evaluate --dataset resume-data <csv> [--json]` and
 * `screener evaluate --dataset categories <csv> --jobs <dir> [--json]`: the model against the
 * TF-IDF cosine and skill-token Jaccard baselines, computed by this same command.
 */
export const registerEvaluateCommand: CommandRegistrar = (program) => {
  program
    .command('evaluate')
    .description('Evaluate the screening model and the baselines on a labelled dataset')
    .requiredOption('--dataset <name>', 'resume-data | categories', parseDataset)
    .option('--jobs <dir>', 'categories: directory with one <Category>.md posting per category')
    .option('--json', 'print the figures as JSON')
    .option(
      '--model-version <version>',
      'model version (default: MODEL_VERSION, models/active.json, or the newest)',
    )
    .option('--models-dir <dir>', 'directory holding screening-<version>.{onnx,json}')
    .argument('<csv>', 'dataset CSV')
    .action(async (csv: string, opts: EvaluateOptions) => {
      const model = await ScreeningModel.load({
        version: opts.modelVersion,
        modelsDir: opts.modelsDir,
      });
      if (opts.dataset === 'resume-data') {
        const report = await evaluateResumeData(readResumeDataCsv(csv), model);
        process.stdout.write(
          opts.json ? JSON.stringify(report) + '\n' : renderResumeData(report, model.version),
        );
        return;
      }
      if (!opts.jobs)
        throw new DomainError(
          'EVAL.JOBS_REQUIRED',
          '--dataset categories needs --jobs <dir>',
          'validation',
        );
      const detail = await evaluateCategories(csv, opts.jobs, model);
      process.stdout.write(
        opts.json
          ? JSON.stringify({ model: detail.model, tfidf: detail.tfidf }) + '\n'
          : renderCategories(detail, model.version),
      );
    });
};

const f = (x: number | undefined): string =>
  x === undefined || !Number.isFinite(x) ? '   -  ' : x.toFixed(4);

function table(title: string, rows: Record<string, RankMetrics>): string {
  const lines = [title, 'scorer    spearman  ndcg@10   auc@0.7   mae'];
  for (const [name, m] of Object.entries(rows))
    lines.push(
      `${name.padEnd(9)} ${f(m.spearman)}    ${f(m.ndcg10)}    ${f(m.auc70)}    ${f(m.mae)}`,
    );
  return lines.join('\n') + '\n';
}

function renderResumeData(r: ResumeDataReport, version: string): string {
  let out = `screening model ${version}: mean within-job Spearman, NDCG@10 (gain = matched_score), pooled AUC at 0.7, MAE\n\n`;
  out += table('overall', { ...r.overall });
  for (const [slice, rows] of Object.entries(r.slices))
    out += '\n' + table(`holdout_type = ${slice}`, { ...rows });
  return out;
}

function renderCategories(d: CategoriesDetail, version: string): string {
  const lines = [
    `screening model ${version}: ${d.jobs.length} category postings × ${d.resumes} resumes (${d.duplicatesDropped} duplicate texts dropped)`,
    d.missingJobs.length ? `no posting for: ${d.missingJobs.join(', ')}` : '',
    'scorer    P@10      NDCG@10',
    `model     ${f(d.model.p10)}    ${f(d.model.ndcg10)}`,
    `tfidf     ${f(d.tfidf.p10)}    ${f(d.tfidf.ndcg10)}`,
  ];
  return lines.filter(Boolean).join('\n') + '\n';
}
