/**
 * `npm run bench -- <suite> [--data <dir>] [--runs <n>] [--count <n>] [--quick]`: runs one benchmark suite,
 * prints its tables and writes bench/results/<suite>.{json,md} plus SVG charts.
 */
import { machineLine, renderTable, targetRows, writeReport, type SuiteResult } from './lib/report';
import { apiSuite } from './suites/api.suite';
import { e2eSuite } from './suites/e2e.suite';
import { memorySuite } from './suites/memory.suite';
import { inferenceSuite } from './suites/inference.suite';
import { pipelineSuite } from './suites/pipeline.suite';
import type { Suite, SuiteArgs } from './suites/suite.types';

const SUITES: Record<string, Suite> = {
  inference: inferenceSuite,
  pipeline: pipelineSuite,
  api: apiSuite,
  e2e: e2eSuite,
  memory: memorySuite,
};

function parseArgs(argv: string[]): { suite?: string; args: SuiteArgs } {
  const val = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flagValues = new Set(['--data', '--runs', '--count'].map(val));
  const suite = argv.find((a) => !a.startsWith('--') && !flagValues.has(a));
  return {
    suite,
    args: {
      data: val('--data'),
      runs: Number(val('--runs') ?? 5),
      quick: argv.includes('--quick'),
      count: val('--count') === undefined ? undefined : Number(val('--count')),
    },
  };
}

async function main(): Promise<number> {
  const { suite, args } = parseArgs(process.argv.slice(2));
  if (!suite || !SUITES[suite]) {
    console.error(
      `usage: npm run bench -- <${Object.keys(SUITES).join('|')}> [--data <dir>] [--runs <n>] [--count <n>] [--quick]`,
    );
    return 2;
  }
  const machine = machineLine();
  console.log(`${suite}: ${machine}`);
  const result: SuiteResult = await SUITES[suite](args);
  for (const n of result.notes) console.log(`- ${n}`);
  for (const t of result.tables) console.log(`\n${renderTable(t)}`);
  if (result.targets.length)
    console.log(renderTable({ title: 'Targets', rows: targetRows(result) }));
  console.log(`report: ${writeReport(result, machine)}`);
  return result.notes.some((n) => n.startsWith('NOT IMPLEMENTED')) ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
