/**
 * `npm run features -- <resume_data.csv> <out.csv> [--stats <stats.json> | --fit-ids <ids.txt>]`
 *
 * Writes the feature matrix Python trains on, using the same TypeScript feature code as serving.
 * Without --stats, text statistics (IDF, category affinity) are fitted on the input and written to
 * <out>.stats.json (that file ships with the model); --fit-ids restricts that fitting to the rows
 * whose resume_id and job_id are both listed (one id per line), which grouped CV uses so that no
 * test resume or job shapes the statistics. With --stats, the given statistics are used as is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { featureMatrixCsv, fitDatasetStats, mapDataset } from '../data/feature-matrix';
import { readResumeDataCsv } from '../data/resume-data.reader';
import type { TextStats } from '../text/text-stats';

function option(argv: string[], name: string): { value?: string; rest: string[] } {
  const at = argv.indexOf(name);
  return at < 0
    ? { rest: argv }
    : { value: argv[at + 1], rest: argv.filter((_, i) => i !== at && i !== at + 1) };
}

function main(argv: string[]): number {
  const stats0 = option(argv, '--stats');
  const fit = option(stats0.rest, '--fit-ids');
  const [input, output] = fit.rest;
  if (!input || !output) {
    console.error(
      'usage: npm run features -- <resume_data.csv> <out.csv> [--stats <stats.json> | --fit-ids <ids.txt>]',
    );
    return 2;
  }
  const started = Date.now();
  const records = readResumeDataCsv(input);
  const ds = mapDataset(records);
  let stats: TextStats;
  if (stats0.value) stats = JSON.parse(readFileSync(stats0.value, 'utf8')) as TextStats;
  else {
    const ids = fit.value
      ? new Set(
          readFileSync(fit.value, 'utf8')
            .split('\n')
            .map((l) => l.trim()),
        )
      : undefined;
    stats = fitDatasetStats(
      ids
        ? mapDataset(records.filter((r) => ids.has(r.resume_id ?? '') && ids.has(r.job_id ?? '')))
        : ds,
    );
    writeFileSync(output.replace(/\.csv$/, '') + '.stats.json', JSON.stringify(stats) + '\n');
  }
  writeFileSync(output, featureMatrixCsv(ds, stats));
  console.error(
    `features: ${ds.rows.length} rows, ${ds.redacted.size} resumes → ${output} in ${Date.now() - started} ms`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
