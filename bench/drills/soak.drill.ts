import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/paths';
import { sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import { round } from '../lib/stats';
import { tally, waitTerminal, type DrillRow, type UploadOutcome } from './drill-kit';
import { jobsFor, mixedLoad, SoakCounters, type SoakRates } from './soak-load';
import { SoakSampler, type SoakSample } from './soak-sampler';
import {
  problem,
  soakChart,
  stageLines,
  steadyPart,
  trendLine,
  trends,
  type Trend,
} from './soak-trend';

/**
 * soak: steady mixed load with no fault injected: uploads, ranked-list reads (some filtered or
 * paged) and recruiter decisions against a stack of one API and two workers. Rates per second:
 * 5 / 10 / 1 on mongod; 0.5 / 1 / 0.1 on FerretDB v1 (SQLite), whose updateMany and sorted
 * finds scan the whole collection (explain: filterPushdown false, ~0.1 ms per 3 KB document):
 * on two shared cores it finished ~0.9 applications/s with 100 stored and fewer as data grew,
 * nearly all of it database time, so higher rates measure the engine's overload, not a leak.
 * Every `sampleMs` (5 s on a full run, shorter on short runs so the fit still has ~60 points) it
 * samples, for the API and each worker, RSS from /proc and prom-client's event-loop delay p99
 * and mean since the previous scrape from /metrics (10 ms resolution: an idle loop reads ~10 ms),
 * and the BullMQ backlog (waiting + active over all queues) from the API's screener_queue_jobs
 * gauge.
 *
 * Duration: BENCH_SOAK_MS (ms) when set; else 10 min at the full scale and 60 s below it (--ci).
 * Rates: BENCH_SOAK_RATES="uploads,lists,decisions" per second overrides the defaults.
 *
 * Each series gets a least-squares slope over the load phase after warm-up (the first 20% of
 * samples). Pass: nothing lost; RSS of every process grew ≤ 15% (last-quarter median over
 * first-quarter median); no significant rise in event-loop lag or backlog; the backlog drains
 * to 0 and every application is terminal within `settleMs` after the load stops; every
 * answered decision is recorded; no list read or decision failed; no process died.
 * Writes bench/results/soak-samples.json and bench/results/soak.svg.
 */
export interface SoakOptions {
  /** Short (CI-scale) run: 60 s instead of 10 min, unless BENCH_SOAK_MS says otherwise. */
  short?: boolean;
  durationMs?: number;
  rates?: Partial<SoakRates>;
  settleMs?: number;
}

/** A new posting opens every minute; readers and deciders follow the newest one. */
const JOB_EVERY_MS = 60_000;

export function soakDurationMs(short: boolean): number {
  const fromEnv = Number(process.env.BENCH_SOAK_MS);
  if (fromEnv > 0) return fromEnv;
  return short ? 60_000 : 600_000;
}

function soakRates(engine: string, override?: Partial<SoakRates>): SoakRates {
  const parts = (process.env.BENCH_SOAK_RATES ?? '').split(',');
  const keys = ['uploads', 'lists', 'decisions'] as const;
  // An empty part keeps the default; 0 turns that kind of traffic off.
  const env = Object.fromEntries(
    keys
      .map((k, i) => [k, parts[i]?.trim() ? Number(parts[i]) : NaN] as const)
      .filter(([, v]) => Number.isFinite(v) && v >= 0),
  );
  const base = engine.startsWith('mongod')
    ? { uploads: 5, lists: 10, decisions: 1 }
    : { uploads: 0.5, lists: 1, decisions: 0.1 };
  return { ...base, ...env, ...override };
}

/** What one soak produced: its uploads, what readers and deciders saw, and the samples. */
interface SoakRun {
  plan: SoakPlan;
  jobIds: string[];
  outcomes: UploadOutcome[];
  counters: SoakCounters;
  sampler: SoakSampler;
  /** Seconds from the end of the load until the backlog was 0 and all was terminal. */
  drainedS?: number;
}

interface SoakPlan {
  durationMs: number;
  rates: SoakRates;
  sampleMs: number;
  settleMs: number;
}

export async function soakDrill(opts: SoakOptions): Promise<DrillRow> {
  const durationMs = opts.durationMs ?? soakDurationMs(!!opts.short);
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const plan: SoakPlan = {
      durationMs,
      rates: soakRates(stack.mongo.engine, opts.rates),
      // ~60 samples on short runs, every 5 s on long ones.
      sampleMs: Math.min(5000, Math.max(1000, Math.round(durationMs / 60))),
      settleMs: opts.settleMs ?? 180_000,
    };
    const run = await runSoak(stack, plan);
    const faults = `none; ${round(durationMs / 60_000, 1)} min mixed load`;
    const { apps: _apps, ...row } = await tally(stack, 'soak', faults, run.outcomes, run.jobIds);
    const recorded = await (
      await stack.mongoDb()
    )
      .collection('applications')
      .countDocuments({ jobId: { $in: run.jobIds }, decision: { $exists: true } });
    const found = trends(run.sampler.samples);
    const problems = [
      ...findProblems(run, found),
      ...errorProblems(run.counters, recorded),
      ...[stack.api, ...stack.workers].filter((p) => !p.running).map((p) => `${p.kind} died`),
    ];
    row.notes.push(
      ...soakNotes(stack, run, found, recorded),
      ...problems.map((p) => `PROBLEM: ${p}`),
    );
    row.ok = row.ok && problems.length === 0;
    writeResults(run.sampler.samples, found, { ...plan, engine: stack.mongo.engine });
    return row;
  } finally {
    await stack.stop();
  }
}

/** Opens the postings, runs the load while sampling, then waits for the backlog to drain. */
async function runSoak(stack: Stack, plan: SoakPlan): Promise<SoakRun> {
  const jobIds: string[] = [];
  for (let j = 0; j < jobsFor(plan.durationMs, JOB_EVERY_MS); j++)
    jobIds.push(await stack.createJob());
  const counters = new SoakCounters();
  const sampler = new SoakSampler(stack, counters, plan.sampleMs);
  sampler.start();
  // The load ends on schedule; answers still in flight after that belong to the settle phase.
  const loadEnd = Date.now() + plan.durationMs;
  const ending = setTimeout(() => (sampler.phase = 'settle'), plan.durationMs);
  const outcomes = await mixedLoad(
    stack,
    jobIds,
    plan.rates,
    plan.durationMs,
    JOB_EVERY_MS,
    counters,
  );
  clearTimeout(ending);
  sampler.phase = 'settle';
  const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
  await waitTerminal(stack, ids, jobIds, Math.max(0, loadEnd + plan.settleMs - Date.now()));
  while (sampler.backlog > 0 && Date.now() - loadEnd < plan.settleMs) await sleep(plan.sampleMs);
  const drainedS = sampler.backlog === 0 ? round((Date.now() - loadEnd) / 1000, 1) : undefined;
  await sampler.stop();
  return { plan, jobIds, outcomes, counters, sampler, drainedS };
}

function soakNotes(stack: Stack, run: SoakRun, found: Trend[], recorded: number): string[] {
  const { rates, sampleMs, settleMs } = run.plan;
  const c = run.counters;
  return [
    `engine ${stack.mongo.engine}; 1 API + 2 workers; uploads ${rates.uploads}/s, list reads ${rates.lists}/s, decisions ${rates.decisions}/s; ${run.jobIds.length} postings (one a minute)`,
    `list reads ok ${c.listOk}; decisions ok ${c.decisionsOk.size} (${recorded} recorded), ${c.decisionIdle} ticks found nothing to decide`,
    `sampled every ${sampleMs / 1000} s: ${steadyPart(run.sampler.samples).length} post-warm-up load samples of ${run.sampler.samples.length}; lag is prom-client's event-loop delay, whose 10 ms resolution makes an idle loop read ~10 ms`,
    ...found.map(trendLine),
    `worker stages after warm-up: ${stageLines(run.sampler.samples).join('; ')}`,
    run.drainedS !== undefined
      ? `backlog drained to 0 and all terminal ${run.drainedS} s after the load stopped`
      : `backlog ${run.sampler.backlog} jobs still queued ${settleMs / 1000} s after the load stopped`,
    'samples: bench/results/soak-samples.json; chart: bench/results/soak.svg',
  ];
}

function findProblems(run: SoakRun, found: Trend[]): string[] {
  const steady = steadyPart(run.sampler.samples);
  const windowMin = steady.length ? (steady[steady.length - 1].t - steady[0].t) / 60 : 0;
  // A backlog rise under 10 s of arrivals (at least 10 jobs) over the window is noise.
  const problems = found
    .map((t) => problem(t, windowMin, Math.max(10, run.plan.rates.uploads * 10)))
    .filter((p): p is string => !!p);
  if (steady.length < 8) problems.push(`only ${steady.length} post-warm-up samples`);
  if (run.drainedS === undefined)
    problems.push(`backlog not drained within ${run.plan.settleMs / 1000} s`);
  return problems;
}

function errorProblems(c: SoakCounters, recorded: number): string[] {
  const out: string[] = [];
  if (Object.keys(c.listErrors).length)
    out.push(`list reads failed: ${JSON.stringify(c.listErrors)}`);
  if (Object.keys(c.decisionErrors).length)
    out.push(`decisions failed: ${JSON.stringify(c.decisionErrors)}`);
  if (recorded !== c.decisionsOk.size)
    out.push(`${c.decisionsOk.size} decisions answered but ${recorded} recorded`);
  return out;
}

function writeResults(samples: SoakSample[], found: Trend[], meta: Record<string, unknown>): void {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'soak-samples.json'),
    JSON.stringify({ at: new Date().toISOString(), ...meta, trends: found, samples }, null, 2),
  );
  writeFileSync(join(dir, 'soak.svg'), soakChart(samples));
}
