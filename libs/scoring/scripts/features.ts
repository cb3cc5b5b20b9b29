/**
 * `npm run features -- <resume_data.csv> <out.csv> [--stats <stats.json>]`
 *
 * Writes the feature matrix Python trains on, using the same TypeScript feature code as serving.
 * Without --stats, TF-IDF statistics are fitted on the input and written to <out>.stats.json
 * (that file ships with the model); with --stats, the given statistics are used as is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { featureMatrixCsv, fitDatasetStats, mapDataset } from '../data/feature-matrix';
import { readResumeDataCsv } from '../data/resume-data.reader';
import type { TextStats } from '../text/text-stats';

function main(argv: string[]): number {
  const statsAt = argv.indexOf('--stats');
  const statsPath = statsAt >= 0 ? argv[statsAt + 1] : undefined;
  const positional = statsAt >= 0 ? argv.filter((_, i) => i !== statsAt && i !== statsAt + 1) : argv;
  const [input, output] = positional;
  if (!input || !output) {
    console.error('usage: npm run features -- <resume_data.csv> <out.csv> [--stats <stats.json>]');
    return 2;
  }
  const started = Date.now();
  const ds = mapDataset(readResumeDataCsv(input));
  let stats: TextStats;
  if (statsPath) stats = JSON.parse(readFileSync(statsPath, 'utf8')) as TextStats;
  else {
    stats = fitDatasetStats(ds);
    writeFileSync(output.replace(/\.csv$/, '') + '.stats.json', JSON.stringify(stats) + '\n');
  }
  writeFileSync(output, featureMatrixCsv(ds, stats));
  console.error(`features: ${ds.rows.length} rows, ${ds.redacted.size} resumes → ${output} in ${Date.now() - started} ms`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
