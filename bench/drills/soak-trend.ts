import { median, round, slope } from '../lib/stats';
import { lineChart } from '../lib/svg-chart';
import type { SoakSample } from './soak-sampler';

/** RSS may grow at most this much after warm-up (the target). */
export const RSS_GROWTH_LIMIT = 0.15;
/** Share of the load-phase samples treated as warm-up (JIT, pools, caches) and left out. */
export const WARMUP_FRACTION = 0.2;

/** A least-squares trend of one series over the post-warm-up load phase. */
export interface Trend {
  series: string;
  kind: 'rss' | 'lag' | 'queue' | 'latency';
  unit: string;
  /** Units per minute, and its standard error (same unit). */
  slopePerMin: number;
  slopeSe: number;
  /** Medians of the first and last quarter of the post-warm-up samples. */
  firstQ: number;
  lastQ: number;
  /** lastQ / firstQ − 1. */
  growth: number;
  n: number;
}

/** Slope of ys over xs and its standard error, from the residuals. */
function fit(xs: number[], ys: number[]): { b: number; se: number } {
  const n = xs.length;
  const b = slope(xs, ys);
  if (n < 3) return { b, se: Infinity };
  const mx = xs.reduce((a, v) => a + v, 0) / n;
  const my = ys.reduce((a, v) => a + v, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const ssr = xs.reduce((a, x, i) => a + (ys[i] - (my + b * (x - mx))) ** 2, 0);
  return { b, se: sxx ? Math.sqrt(ssr / (n - 2) / sxx) : Infinity };
}

function trendOf(series: string, kind: Trend['kind'], unit: string, pts: [number, number][]) {
  const ok = pts.filter(([, y]) => Number.isFinite(y));
  const { b, se } = fit(
    ok.map(([t]) => t / 60),
    ok.map(([, y]) => y),
  );
  const q = Math.max(1, Math.floor(ok.length / 4));
  const firstQ = median(ok.slice(0, q).map(([, y]) => y));
  const lastQ = median(ok.slice(-q).map(([, y]) => y));
  return {
    series,
    kind,
    unit,
    slopePerMin: round(b, 3),
    slopeSe: round(se, 3),
    firstQ: round(firstQ, 2),
    lastQ: round(lastQ, 2),
    growth: firstQ > 0 ? round(lastQ / firstQ - 1, 4) : NaN,
    n: ok.length,
  } satisfies Trend;
}

/** Post-warm-up load-phase samples. */
export function steadyPart(samples: SoakSample[]): SoakSample[] {
  const load = samples.filter((s) => s.phase === 'load');
  return load.slice(Math.ceil(load.length * WARMUP_FRACTION));
}

export function trends(samples: SoakSample[]): Trend[] {
  const steady = steadyPart(samples);
  if (!steady.length) return [];
  const out: Trend[] = [];
  for (const name of Object.keys(steady[0].procs)) {
    const at = (f: (s: SoakSample) => number) => steady.map((s) => [s.t, f(s)] as [number, number]);
    out.push(
      trendOf(
        `RSS ${name}`,
        'rss',
        'MB',
        at((s) => s.procs[name]?.rssMb ?? NaN),
      ),
    );
    out.push(
      trendOf(
        `lag p99 ${name}`,
        'lag',
        'ms',
        at((s) => s.procs[name]?.lagP99Ms ?? NaN),
      ),
    );
  }
  const pts = (f: (s: SoakSample) => number) => steady.map((s) => [s.t, f(s)] as [number, number]);
  out.push(
    trendOf(
      'queue waiting+active',
      'queue',
      'jobs',
      pts((s) => s.queue.waiting + s.queue.active),
    ),
  );
  out.push(
    trendOf(
      'list read p95',
      'latency',
      'ms',
      pts((s) => s.listP95Ms),
    ),
  );
  return out;
}

/**
 * Per worker stage over the post-warm-up load window, all workers together: jobs finished per
 * second and their mean duration. A parse job far slower than its extract+profile part is
 * time spent in the database or waiting for it.
 */
export function stageLines(samples: SoakSample[]): string[] {
  const steady = steadyPart(samples);
  if (steady.length < 2) return [];
  const [a, b] = [steady[0], steady[steady.length - 1]];
  const stages = new Set(Object.values(b.procs).flatMap((p) => Object.keys(p.stages ?? {})));
  return [...stages].map((stage) => {
    let sum = 0;
    let count = 0;
    for (const [name, p] of Object.entries(b.procs)) {
      const [s1, n1] = p.stages?.[stage] ?? [0, 0];
      const [s0, n0] = a.procs[name]?.stages?.[stage] ?? [0, 0];
      sum += s1 - s0;
      count += n1 - n0;
    }
    const perSec = round(count / (b.t - a.t), 2);
    const mean = count ? `${round((1000 * sum) / count, 0)} ms mean` : 'none';
    return `${stage}: ${perSec}/s finished, ${mean}`;
  });
}

/** A slope more than two standard errors above zero. */
const rising = (t: Trend) => t.slopePerMin > 2 * t.slopeSe;

/**
 * Why a trend fails, or undefined. RSS: growth above the limit. Event-loop lag: a significant
 * rise that is also large (over 50% and over 5 ms, since a shared 2-core machine is noisy).
 * Queue: a significant rise worth more than `tolerance` jobs over the window. List latency is
 * reported only.
 */
export function problem(t: Trend, windowMin: number, tolerance: number): string | undefined {
  if (t.kind === 'rss' && !(t.growth <= RSS_GROWTH_LIMIT))
    return `${t.series} grew ${round(100 * t.growth, 1)}% (limit ${100 * RSS_GROWTH_LIMIT}%)`;
  if (t.kind === 'lag' && rising(t) && t.growth > 0.5 && t.lastQ - t.firstQ > 5)
    return `${t.series} rose ${t.firstQ} → ${t.lastQ} ms`;
  if (t.kind === 'queue' && rising(t) && t.slopePerMin * windowMin > tolerance)
    return `${t.series} kept growing (${t.slopePerMin} ± ${t.slopeSe} jobs/min)`;
  return undefined;
}

export function trendLine(t: Trend): string {
  const growth = Number.isFinite(t.growth) ? `, ${round(100 * t.growth, 1)}%` : '';
  return `${t.series}: slope ${t.slopePerMin} ± ${t.slopeSe} ${t.unit}/min, quarter medians ${t.firstQ} → ${t.lastQ} ${t.unit}${growth}`;
}

/** RSS of each process and the queue backlog over time, one panel each, stacked in one SVG. */
export function soakChart(samples: SoakSample[]): string {
  const names = Object.keys(samples[0]?.procs ?? {});
  const loadEnd = samples.filter((s) => s.phase === 'load').pop()?.t ?? 0;
  const when = `(load until ${loadEnd} s, then settling)`;
  const panels = [
    ...names.map((n) =>
      lineChart(
        `${n} RSS (MB) over time ${when}`,
        's',
        'MB',
        samples.map((s) => [s.t, s.procs[n]?.rssMb ?? 0]),
      ),
    ),
    lineChart(
      `queue waiting+active (jobs) over time ${when}`,
      's',
      'jobs',
      samples.map((s) => [s.t, s.queue.waiting + s.queue.active || 0]),
    ),
  ];
  const h = 300;
  const body = panels.map((p, i) => p.replace('<svg ', `<svg y="${i * h}" `)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${panels.length * h}">${body}</svg>\n`;
}
