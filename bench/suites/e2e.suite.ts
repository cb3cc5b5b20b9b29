import {
  fetchApps,
  latencyMs,
  textResume,
  uploadAll,
  waitTerminal,
  type UploadOutcome,
} from '../drills/drill-kit';
import type { Row, SuiteResult } from '../lib/report';
import { cpuSeconds, metricSum, sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import { percentile, round } from '../lib/stats';
import { lineChart } from '../lib/svg-chart';
import type { SuiteArgs } from './suite.types';

/** Samples waiting+active jobs on every queue once a second until `stop()`; [seconds, jobs]. */
function sampleBacklog(stack: Stack, t0: number) {
  const points: [number, number][] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const text = await fetch(`http://127.0.0.1:${stack.workers[0].port}/metrics`)
        .then((r) => r.text())
        .catch(() => '');
      const depth =
        metricSum(text, 'screener_queue_jobs', { state: 'waiting' }) +
        metricSum(text, 'screener_queue_jobs', { state: 'active' });
      points.push([round((Date.now() - t0) / 1000, 1), depth]);
      await sleep(1000);
    }
  })();
  return { points, stop: async () => ((running = false), await loop) };
}

async function phase(stack: Stack, jobId: string, rate: number, seconds: number, tag: string) {
  const n = Math.round(rate * seconds);
  const uploads = Array.from({ length: n }, (_, i) => ({
    jobId,
    file: textResume(`${tag}-${Date.now()}-${i}`),
    name: `${tag}-${i}.txt`,
  }));
  const t0 = Date.now();
  const outcomes: UploadOutcome[] = await uploadAll(stack, uploads, rate);
  const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
  await waitTerminal(stack, ids, [jobId], 300_000, 300_000);
  const apps = await fetchApps(stack, [jobId]);
  const lat = ids.map((id) => latencyMs(apps.get(id)!)).filter((x): x is number => x !== undefined);
  const done = ids.filter((id) =>
    ['screened', 'needs_review', 'failed'].includes(apps.get(id)?.status ?? ''),
  ).length;
  const endMs = Math.max(
    ...ids.map((id) => new Date(apps.get(id)?.timeline?.at(-1)?.at ?? 0).getTime()),
  );
  return { n, accepted: ids.length, done, lat, throughput: done / ((endMs - t0) / 1000) };
}

/** CPU seconds used so far by each process of the stack, by role. */
function cpuByRole(stack: Stack): Record<string, number> {
  const roles: [string, number | undefined][] = [
    [stack.mongo.engine, stack.mongo.child?.pid],
    ['redis', stack.redis.child?.pid],
    ['api', stack.api.child?.pid],
    ...stack.workers.map((w, i): [string, number | undefined] => [`worker ${i + 1}`, w.child?.pid]),
  ];
  return Object.fromEntries(roles.map(([role, pid]) => [role, cpuSeconds(pid)]));
}

/** Where the CPU went between two `cpuByRole` snapshots: seconds and share per process. */
function cpuTable(before: Record<string, number>, after: Record<string, number>): Row[] {
  const used = Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)] as const);
  const total = used.reduce((n, [, s]) => n + s, 0) || 1;
  return used.map(([process, s]) => ({
    process,
    'CPU s': round(s, 1),
    share: `${round((100 * s) / total, 0)}%`,
  }));
}

/** Sustained text-resume uploads at fixed rates with 2 workers; upload→terminal latency and backlog. */
export async function e2eSuite(args: SuiteArgs): Promise<SuiteResult> {
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const jobId = await stack.createJob();
    const t0 = Date.now();
    const backlog = sampleBacklog(stack, t0);
    const cpuBefore = cpuByRole(stack);
    const seconds = args.quick ? 15 : 60;
    const rates = [20, 35, 50, 75];
    const rows: Row[] = [];
    let p95At20 = NaN;
    let best = 0;
    for (const rate of rates) {
      const r = await phase(
        stack,
        jobId,
        rate,
        rate === 20 ? seconds : Math.round(seconds / 3),
        `r${rate}`,
      );
      const p95 = percentile(r.lat, 95);
      if (rate === 20) p95At20 = p95;
      // Stable: everything accepted and done, and the p95 stays within 5 s (the queue drains as fast as it fills).
      const stable = r.accepted === r.n && r.done === r.accepted && p95 < 5000;
      if (stable) best = Math.max(best, rate);
      rows.push({
        'upload rate /s': rate,
        uploads: r.n,
        accepted: r.accepted,
        terminal: r.done,
        'p50 ms': round(percentile(r.lat, 50), 0),
        'p95 ms': round(p95, 0),
        'p99 ms': round(percentile(r.lat, 99), 0),
        'screened/s': round(r.throughput, 1),
        stable: stable ? 'yes' : 'no',
      });
      if (!stable) break;
    }
    await backlog.stop();
    const cpu = cpuTable(cpuBefore, cpuByRole(stack));
    return {
      suite: 'e2e',
      notes: [
        `engine: ${stack.mongo.engine}; 1 API + 2 workers (WORKER_CONCURRENCY=4), fictional text resumes, uploads paced on independent timers`,
        `phases: 20/s for ${seconds} s, then higher rates for ${Math.round(seconds / 3)} s each until one is not stable (p95 ≥ 5 s or not all terminal); each phase drains before the next`,
        'latency = application timeline, first entry (received) → terminal status, as stored by the API and worker',
      ],
      tables: [
        { title: 'Upload → screened, 2 workers', rows },
        { title: 'Where the CPU went (all phases; the load generator is not included)', rows: cpu },
      ],
      charts: [
        {
          file: 'e2e-backlog.svg',
          svg: lineChart('queue backlog (waiting + active jobs)', 's', 'jobs', backlog.points),
        },
      ],
      targets: [
        {
          target: 'p95 upload→screened < 1 s at 20/s',
          measured: `${round(p95At20, 0)} ms`,
          met: p95At20 < 1000,
        },
        {
          target: '≥ 50 resumes/s with 2 workers (highest stable rate)',
          measured: `${best}/s stable`,
          met: best >= 50,
        },
      ],
    };
  } finally {
    await stack.stop();
  }
}
