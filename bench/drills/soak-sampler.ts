import { metricSum, rssMb, sleep, type AppProc } from '../lib/services';
import type { Stack } from '../lib/stack';
import { ALL_QUEUES } from '../../src/queues/queue-names';
import { percentile, round } from '../lib/stats';
import type { SoakCounters } from './soak-load';

/** One process at one instant; lag is prom-client's event-loop delay since the previous scrape. */
export interface ProcSample {
  rssMb: number;
  lagP99Ms: number;
  lagMeanMs: number;
  /** Cumulative [seconds, count] per worker stage (see STAGES); empty for the API. */
  stages: Record<string, [number, number]>;
}

/** Whole parse and screen jobs, and the extract + profile part of a parse (no database). */
const STAGES: Record<string, [string, Record<string, string>]> = {
  'parse job': ['screener_stage_duration_seconds', { stage: 'parse' }],
  'screen job': ['screener_stage_duration_seconds', { stage: 'screen' }],
  'extract+profile': ['screener_parse_duration_seconds', {}],
};

export interface SoakSample {
  /** Seconds since the load started. */
  t: number;
  phase: 'load' | 'settle';
  /** Keyed `api`, `worker-1`, `worker-2`, … */
  procs: Record<string, ProcSample>;
  /** BullMQ jobs over every queue, from the API's screener_queue_jobs gauge. */
  queue: { waiting: number; active: number; delayed: number };
  /** waiting + active per queue, to see which stage backs up. */
  byQueue: Record<string, number>;
  /** p95 of the list reads answered since the previous sample, ms (NaN when none). */
  listP95Ms: number;
}

const ms = (seconds: number) => round(seconds * 1000, 2);

/** Scrapes one process's /metrics; RSS comes from /proc so it is exact and needs no scrape. */
async function probe(p: AppProc): Promise<{ proc: ProcSample; text: string }> {
  const text = await fetch(`http://127.0.0.1:${p.port}/metrics`, {
    signal: AbortSignal.timeout(4000),
  })
    .then((r) => r.text())
    .catch(() => '');
  const lag = (name: string) => (text ? ms(metricSum(text, name)) : NaN);
  return {
    text,
    proc: {
      rssMb: p.running ? round(rssMb(p.child!.pid!), 1) : NaN,
      lagP99Ms: lag('nodejs_eventloop_lag_p99_seconds'),
      lagMeanMs: lag('nodejs_eventloop_lag_mean_seconds'),
      stages: p.kind === 'worker' ? stagesOf(text) : {},
    },
  };
}

function stagesOf(text: string): Record<string, [number, number]> {
  return Object.fromEntries(
    Object.entries(STAGES).map(([name, [metric, labels]]) => [
      name,
      [metricSum(text, `${metric}_sum`, labels), metricSum(text, `${metric}_count`, labels)],
    ]),
  );
}

/** Samples the API and every worker every `intervalMs` until `stop()`. */
export class SoakSampler {
  readonly samples: SoakSample[] = [];
  phase: SoakSample['phase'] = 'load';
  private running = false;
  private loop?: Promise<void>;
  private t0 = Date.now();

  constructor(
    private readonly stack: Stack,
    private readonly counters: SoakCounters,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.t0 = Date.now();
    this.running = true;
    this.loop = (async () => {
      // Scrape once first: prom-client's lag histogram covers the time since the last scrape.
      await this.take(false);
      // On a fixed grid, so a slow scrape does not stretch the interval.
      for (let k = 1; this.running; k++) {
        await sleep(Math.max(0, this.t0 + k * this.intervalMs - Date.now()));
        if (this.running) await this.take(true);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** The latest sample's queue backlog (waiting + active), or Infinity before any sample. */
  get backlog(): number {
    const s = this.samples[this.samples.length - 1];
    return s ? s.queue.waiting + s.queue.active : Infinity;
  }

  private async take(keep: boolean): Promise<void> {
    const procs = [
      ['api', this.stack.api] as const,
      ...this.stack.workers.map((w, i) => [`worker-${i + 1}`, w] as const),
    ];
    const probes = await Promise.all(procs.map(([, p]) => probe(p)));
    const api = probes[0].text;
    const q = (state: string) => metricSum(api, 'screener_queue_jobs', { state });
    const window = this.counters.listWindowMs.splice(0);
    if (!keep) return;
    this.samples.push({
      t: round((Date.now() - this.t0) / 1000, 1),
      phase: this.phase,
      procs: Object.fromEntries(procs.map(([name], i) => [name, probes[i].proc])),
      queue: api
        ? { waiting: q('waiting'), active: q('active'), delayed: q('delayed') }
        : { waiting: NaN, active: NaN, delayed: NaN },
      byQueue: Object.fromEntries(
        ALL_QUEUES.map((queue) => [
          queue,
          metricSum(api, 'screener_queue_jobs', { queue, state: 'waiting' }) +
            metricSum(api, 'screener_queue_jobs', { queue, state: 'active' }),
        ]),
      ),
      listP95Ms: window.length ? round(percentile(window, 95), 1) : NaN,
    });
  }
}
