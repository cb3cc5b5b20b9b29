/**
 * Inference + explanation cost per application (redacted profile × job → score, label, reasons).
 *
 *   npx tsc -p tsconfig.build.json && taskset -c 0 node dist/bench/inference.bench.js [applications]
 *
 * Each application uses a distinct profile object, so the per-resume feature cache never hits and
 * the figure includes tokenisation, features, the ONNX run with its occlusion rows, and the
 * reasons. Redaction and parsing happen before scoring (once per resume) and are not included.
 */
import { performance } from 'node:perf_hooks';
import { ScreeningModel, redactProfile, type RedactedProfile } from '../libs/scoring';
import { backendJob, backendPersona } from '../libs/scoring/testing/fictional-profiles';

const SKILL_POOL = [
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
  'Terraform',
  'React',
];

// Repeated 30 times this adds about 5,500 characters: a real two-page resume's median length.
const FILLER =
  'Led the migration of billing services to event-driven pipelines, cut p99 latency, mentored engineers, ' +
  'wrote runbooks and reviewed designs for payments, search and reporting teams. ';

function profiles(n: number, long: boolean): RedactedProfile[] {
  return Array.from({ length: n }, (_, i) => {
    const p = backendPersona({
      skills: SKILL_POOL.filter((_, k) => (i >> k) % 2 === 0 || k === i % 12),
      years: 1 + (i % 12),
    });
    if (long) p.text += '\n' + FILLER.repeat(30);
    return redactProfile(p);
  });
}

async function measure(
  model: ScreeningModel,
  batch: number,
  total: number,
  long: boolean,
): Promise<number> {
  const job = backendJob();
  const items = profiles(total, long).map((profile) => ({ profile, job }));
  const started = performance.now();
  for (let i = 0; i < items.length; i += batch) await model.scoreBatch(items.slice(i, i + batch));
  return (performance.now() - started) / total;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const model = await ScreeningModel.load();
  await measure(model, 32, 200, true); // warm-up: JIT, ONNX arena
  console.log(
    `screening model ${model.version}, ${total} applications per run, intra-op threads = 1`,
  );
  for (const long of [false, true]) {
    for (const batch of [1, 8, 32]) {
      const ms = await measure(model, batch, total, long);
      console.log(
        `${long ? '5.5k-char resume' : 'short resume    '}  batch ${String(batch).padStart(2)}: ${ms.toFixed(3)} ms/application`,
      );
    }
  }
}

void main();
