import { performance } from 'node:perf_hooks';
import {
  computeFeatures,
  redactProfile,
  ScreeningModel,
  type RedactedProfile,
} from '../../libs/scoring';
import { backendJob, backendPersona } from '../../libs/scoring/testing/fictional-profiles';
import type { Row, SuiteResult } from '../lib/report';
import { median, round } from '../lib/stats';
import { barChart } from '../lib/svg-chart';
import type { SuiteArgs } from './suite.types';

const SKILLS = [
  'TypeScript',
  'Node.js',
  'PostgreSQL',
  'Docker',
  'AWS',
  'Kubernetes',
  'Redis',
  'Python',
  'Go',
  'Kafka',
];
const BATCHES = [1, 16, 64, 256];

function profiles(n: number): RedactedProfile[] {
  return Array.from({ length: n }, (_, i) =>
    redactProfile(
      backendPersona({
        skills: SKILLS.filter((_, k) => (i >> k) % 2 === 0 || k === i % 10),
        years: 1 + (i % 12),
      }),
    ),
  );
}

/** µs per row over `rows` rows in batches of `batch`. */
async function timeRows(
  rows: number,
  batch: number,
  fn: (from: number, to: number) => Promise<unknown>,
): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < rows; i += batch) await fn(i, Math.min(rows, i + batch));
  return ((performance.now() - t0) * 1000) / rows;
}

/**
 * ONNX cost per row: `predict` (one session.run over the batch, no explanation) and `scoreBatch`
 * (features, session.run with the occlusion rows, reasons). Each item is a distinct profile object.
 */
export async function inferenceSuite(args: SuiteArgs): Promise<SuiteResult> {
  const model = await ScreeningModel.load();
  const rows = args.quick ? 512 : 2048;
  const job = backendJob();
  const items = profiles(rows).map((profile) => ({ profile, job }));
  const vectors = items.map((it) => computeFeatures(it.profile, it.job, model.stats));
  await model.scoreBatch(items.slice(0, 64)); // warm-up: JIT and the ONNX arena
  await model.predict(vectors.slice(0, 64));
  const table: Row[] = [];
  const feat: number[] = [];
  for (let r = 0; r < args.runs; r++) {
    const fresh = profiles(rows).map((profile) => ({ profile, job }));
    const t0 = performance.now();
    for (const it of fresh) computeFeatures(it.profile, it.job, model.stats);
    feat.push(((performance.now() - t0) * 1000) / rows);
  }
  for (const batch of BATCHES) {
    const plain: number[] = [];
    const explained: number[] = [];
    for (let r = 0; r < args.runs; r++) {
      plain.push(await timeRows(rows, batch, (a, b) => model.predict(vectors.slice(a, b))));
      const fresh = profiles(rows).map((profile) => ({ profile, job }));
      explained.push(await timeRows(rows, batch, (a, b) => model.scoreBatch(fresh.slice(a, b))));
    }
    table.push({
      batch,
      'session.run µs/row (no explanation)': round(median(plain), 1),
      'scoreBatch µs/row (features + run + explanation)': round(median(explained), 1),
    });
  }
  return {
    suite: 'inference',
    notes: [
      `model ${model.version}, intra-op threads 1, ${rows} rows per run, median of ${args.runs} runs`,
      `features alone (computeFeatures): ${round(median(feat), 1)} µs/row; scoreBatch recomputes them, so explanation ≈ scoreBatch − features − run`,
      'reference: an onnxruntime-node run of a small tree model ≈ 20–30 µs for one row',
    ],
    tables: [{ title: 'ONNX inference per row', rows: table }],
    charts: [
      {
        file: 'inference.svg',
        svg: barChart(
          'µs per row by batch size',
          'µs',
          table.flatMap((r) => [
            {
              label: `run, batch ${r.batch}`,
              value: Number(r['session.run µs/row (no explanation)']),
            },
            {
              label: `scoreBatch, batch ${r.batch}`,
              value: Number(r['scoreBatch µs/row (features + run + explanation)']),
            },
          ]),
        ),
      },
    ],
    targets: [],
  };
}
