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
} from './drill-kit';
import type { DrillOptions } from './worker-kill.drill';

function hostileFiles(): { name: string; file: Buffer }[] {
  const dir = join(projectRoot(), 'test', 'fixtures', 'resumes', 'hostile');
  return readdirSync(dir)
    .filter((n) => !n.endsWith('.md'))
    .map((n) => ({ name: n, file: readFileSync(join(dir, n)) }));
}

/**
 * Phase 1 measures `count` good files alone (same count and rate as phase 2, so both phases
 * build the same backlog); phase 2 mixes `hostile` hostile files into `count` good ones
 * at the same upload rate. Same bytes within an org are one resume, so hostile files are spread
 * over several jobs (one copy of each fixture per job) to make every hostile upload its own
 * application.
 */
export async function poisonDrill(
  opts: DrillOptions & { hostile?: number; baseline?: number },
): Promise<DrillRow> {
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const rate = opts.rate ?? 20;
    const fixtures = hostileFiles();
    const wanted = opts.hostile ?? 50;
    const jobIds: string[] = [];
    for (let j = 0; j < Math.ceil(wanted / fixtures.length); j++)
      jobIds.push(await stack.createJob());
    const good = (n: number, tag: string): Upload[] =>
      Array.from({ length: n }, (_, i) => ({
        jobId: jobIds[i % jobIds.length],
        file: textResume(`${tag}-${Date.now()}-${i}`),
        name: `${tag}-${i}.txt`,
      }));
    const base = await uploadAll(stack, good(opts.baseline ?? opts.count, 'base'), rate);
    await waitTerminal(
      stack,
      base.filter((o) => o.id).map((o) => o.id!),
      jobIds,
      opts.settleMs ?? 180_000,
    );
    const baseApps = await fetchApps(stack, jobIds);
    const baseLat = base
      .map((o) => (o.id ? latencyMs(baseApps.get(o.id)!) : undefined))
      .filter((x): x is number => x !== undefined);

    const hostile: Upload[] = Array.from({ length: wanted }, (_, i) => ({
      jobId: jobIds[Math.floor(i / fixtures.length)],
      ...fixtures[i % fixtures.length],
      hostile: true,
    }));
    const mixed = good(opts.count, 'mix');
    const step = Math.max(1, Math.floor(mixed.length / Math.max(1, hostile.length)));
    hostile.forEach((h, i) => mixed.splice(Math.min(mixed.length, (i + 1) * step + i), 0, h));
    const outcomes = await uploadAll(stack, mixed, rate);
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, jobIds, opts.settleMs ?? 300_000);
    const row = await tally(
      stack,
      'poison',
      `${hostile.length} hostile files (${fixtures.length} kinds) in ${opts.count} good`,
      [...base, ...outcomes],
      jobIds,
    );
    const goodLat = outcomes
      .filter((o) => o.id && !o.hostile)
      .map((o) => latencyMs(row.apps.get(o.id!)!))
      .filter((x): x is number => x !== undefined);
    const ratio = median(goodLat) / median(baseLat);
    row.notes.push(
      `good-file upload→terminal median ${round(median(baseLat), 0)} ms alone vs ${round(median(goodLat), 0)} ms mixed: ${round(ratio, 2)}× (limit 2×)`,
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
  } finally {
    await stack.stop();
  }
}
