import { sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import {
  fetchApps,
  tally,
  TERMINAL,
  textResume,
  uploadAll,
  waitTerminal,
  type DrillRow,
} from './drill-kit';

export interface DrillOptions {
  count: number;
  /** Upload rate per second. */
  rate?: number;
  /** Upper bound for everything to settle after the last upload. */
  settleMs?: number;
}

/** N uploads; SIGKILL a random worker 5 times while work is in flight, restarting it each time. */
export async function workerKillDrill(opts: DrillOptions): Promise<DrillRow> {
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const jobId = await stack.createJob();
    const uploads = Array.from({ length: opts.count }, (_, i) => ({
      jobId,
      file: textResume(`wk-${Date.now()}-${i}`),
      name: `wk-${i}.txt`,
    }));
    const uploading = uploadAll(stack, uploads, opts.rate ?? 25);
    let kills = 0;
    const killer = (async () => {
      for (let k = 1; k <= 5; k++) {
        // Spread kills over the run: the k-th waits for k/6 of the work to be terminal.
        const goal = (opts.count * k) / 6;
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          const apps = await fetchApps(stack, [jobId]);
          if ([...apps.values()].filter((a) => TERMINAL.includes(a.status)).length >= goal) break;
          await sleep(150);
        }
        const w = stack.workers[Math.floor(Math.random() * stack.workers.length)];
        await w.kill('SIGKILL');
        kills++;
        await w.restart();
      }
    })();
    const outcomes = await uploading;
    await killer;
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, [jobId], opts.settleMs ?? 180_000);
    const row = await tally(stack, 'worker-kill', `${kills}× SIGKILL worker (+restart)`, outcomes, [
      jobId,
    ]);
    return row;
  } finally {
    await stack.stop();
  }
}
