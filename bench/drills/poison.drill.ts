import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/paths';
import { median, round } from '../lib/stats';
import { Stack } from '../lib/stack';
import {
  fetchApps,
  latencyMs,
  tally,
  textResume,
  uploadAll,
  waitTerminal,
  type DrillRow,
  type Upload,
  type UploadOutcome,
} from './drill-kit';
import type { DrillOptions } from './worker-kill.drill';

function hostileFiles(): { name: string; file: Buffer }[] {
  const dir = join(projectRoot(), 'test', 'fixtures', 'resumes', 'hostile');
  return readdirSync(dir)
    .filter((n) => !n.endsWith('.md'))
    .map((n) => ({ name: n, file: readFileSync(join(dir, n)) }));
}

/** Median upload→terminal ms of the accepted uploads in `outcomes`. */
async function goodLatency(stack: Stack, outcomes: UploadOutcome[], jobIds: string[]) {
  const apps = await fetchApps(stack, jobIds);
  const lat = outcomes
    .filter((o) => o.id && !o.hostile)
    .map((o) => latencyMs(apps.get(o.id!)!))
    .filter((x): x is number => x !== undefined);
  return { median: median(lat), apps };
}

/**
 * Phase 1 measures `count` good files alone; phase 2 mixes `hostile` hostile files into `count`
 * good ones at the same upload rate. Each phase runs on a fresh stack (empty database), so the
 * second is not slowed by the first one's documents (FerretDB scans grow with the collection).
 * Same bytes within an org are one resume, so hostile files are spread over several jobs (one
 * copy of each fixture per job) to make every hostile upload its own application.
 */
export async function poisonDrill(
  opts: DrillOptions & { hostile?: number; baseline?: number },
): Promise<DrillRow> {
  const rate = opts.rate ?? 20;
  const fixtures = hostileFiles();
  const wanted = opts.hostile ?? 50;
  const jobCount = Math.ceil(wanted / fixtures.length);
  const good = (jobIds: string[], n: number, tag: string): Upload[] =>
    Array.from({ length: n }, (_, i) => ({
      jobId: jobIds[i % jobIds.length],
      file: textResume(`${tag}-${Date.now()}-${i}`),
      name: `${tag}-${i}.txt`,
    }));
  const baseline = await onFreshStack(jobCount, async (stack, jobIds) => {
    const base = await uploadAll(stack, good(jobIds, opts.baseline ?? opts.count, 'base'), rate);
    const ids = base.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, jobIds, opts.settleMs ?? 180_000);
    return goodLatency(stack, base, jobIds);
  });
  return onFreshStack(jobCount, async (stack, jobIds) => {
    const hostile: Upload[] = Array.from({ length: wanted }, (_, i) => ({
      jobId: jobIds[Math.floor(i / fixtures.length)],
      ...fixtures[i % fixtures.length],
      hostile: true,
    }));
    const mixed = good(jobIds, opts.count, 'mix');
    const step = Math.max(1, Math.floor(mixed.length / Math.max(1, hostile.length)));
    hostile.forEach((h, i) => mixed.splice(Math.min(mixed.length, (i + 1) * step + i), 0, h));
    const outcomes = await uploadAll(stack, mixed, rate);
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, jobIds, opts.settleMs ?? 300_000);
    const row = await tally(
      stack,
      'poison',
      `${hostile.length} hostile files (${fixtures.length} kinds) in ${opts.count} good`,
      outcomes,
      jobIds,
    );
    const mixedLat = await goodLatency(stack, outcomes, jobIds);
    const ratio = mixedLat.median / baseline.median;
    row.notes.push(
      `good-file upload→terminal median ${round(baseline.median, 0)} ms alone vs ${round(mixedLat.median, 0)} ms mixed: ${round(ratio, 2)}× (limit 2×)`,
    );
    const goodFailed = outcomes.filter(
      (o) => o.id && !o.hostile && row.apps.get(o.id)?.status !== 'screened',
    ).length;
    if (goodFailed) row.notes.push(`${goodFailed} good files did not end screened`);
    const hostileScreened = outcomes.filter(
      (o) => o.id && o.hostile && row.apps.get(o.id)?.status === 'screened',
    );
    if (hostileScreened.length)
      row.notes.push(
        `hostile files that ended screened: ${[...new Set(hostileScreened.map((o) => o.name))].join(', ')}`,
      );
    row.ok = row.ok && ratio <= 2 && goodFailed === 0;
    return row;
  });
}

/** Runs `fn` on a new stack with `jobs` open jobs, and tears the stack down. */
async function onFreshStack<T>(
  jobs: number,
  fn: (stack: Stack, jobIds: string[]) => Promise<T>,
): Promise<T> {
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const jobIds: string[] = [];
    for (let j = 0; j < jobs; j++) jobIds.push(await stack.createJob());
    return await fn(stack, jobIds);
  } finally {
    await stack.stop();
  }
}
