/**
 * Inference + explanation cost per application (redacted profile × job → score, label, reasons).
 *
 *   npx tsc -p tsconfig.build.json && taskset -c 0 node dist/bench/inference.bench.js [applications]
 *
 * Each application uses a distinct profile object, so the per-resume feature cache never hits and
 * the figure includes tokenisation, features, the ONNX run with occlusion rows, and the reasons.
 */
import { performance } from 'node:perf_hooks';
import { ScreeningModel, redactProfile, type RedactedProfile } from '../libs/scoring';
import { backendJob, backendPersona } from '../libs/scoring/testing/fictional-profiles';

const SKILL_POOL = ['TypeScript', 'Node.js', 'PostgreSQL', 'Docker', 'AWS', 'Kubernetes', 'Redis', 'Python', 'Go', 'Kafka', 'Terraform', 'React'];

function profiles(n: number): RedactedProfile[] {
  return Array.from({ length: n }, (_, i) =>
    redactProfile(backendPersona({ skills: SKILL_POOL.filter((_, k) => (i >> k) % 2 === 0 || k === i % 12), years: 1 + (i % 12) })),
  );
}

async function measure(model: ScreeningModel, batch: number, total: number): Promise<number> {
  const job = backendJob();
  const items = profiles(total).map((profile) => ({ profile, job }));
  const started = performance.now();
  for (let i = 0; i < items.length; i += batch) await model.scoreBatch(items.slice(i, i + batch));
  return (performance.now() - started) / total;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const model = await ScreeningModel.load();
  await measure(model, 32, 200); // warm-up: JIT, ONNX arena
  const rows: string[] = [];
  for (const batch of [1, 8, 32]) rows.push(`batch ${String(batch).padStart(2)}: ${(await measure(model, batch, total)).toFixed(3)} ms/application`);
  console.log(`screening model ${model.version}, ${total} applications per run, intra-op threads = 1`);
  console.log(rows.join('\n'));
}

void main();
