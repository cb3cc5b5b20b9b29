import { sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import {
  tally,
  textResume,
  uploadAll,
  waitTerminal,
  type DrillRow,
  type UploadOutcome,
} from './drill-kit';
import type { DrillOptions } from './worker-kill.drill';

/**
 * A burst of uploads while Redis (AOF on, fsync every second) is SIGKILLed and started again
 * on the same data twice; `downMs` is how long each outage lasts.
 */
export async function redisRestartDrill(
  opts: DrillOptions & { downMs?: number },
): Promise<DrillRow> {
  const stack = await new Stack({ workers: 2, redisAof: true }).start();
  try {
    const jobId = await stack.createJob();
    const rate = opts.rate ?? 25;
    const uploads = Array.from({ length: opts.count }, (_, i) => ({
      jobId,
      file: textResume(`rr-${Date.now()}-${i}`),
      name: `rr-${i}.txt`,
    }));
    const uploading = uploadAll(stack, uploads, rate);
    const runMs = (opts.count / rate) * 1000;
    const statuses: number[] = [];
    const probes: UploadOutcome[] = [];
    let restarts = 0;
    for (const at of [runMs / 4, (runMs * 5) / 8]) {
      await sleep(at - (restarts ? runMs / 4 : 0));
      await stack.redis.kill('SIGKILL');
      const probe = await stack.upload(
        jobId,
        textResume(`rr-probe-${restarts}-${Date.now()}`),
        'probe.txt',
      );
      statuses.push(probe.status);
      probes.push({
        jobId,
        file: Buffer.alloc(0),
        name: 'probe.txt',
        id: probe.id,
        attempts: 1,
        lastStatus: probe.status,
      });
      await sleep(opts.downMs ?? 3000);
      await stack.redis.start();
      restarts++;
    }
    const outcomes = [...(await uploading), ...probes.filter((p) => p.id)];
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, [jobId], opts.settleMs ?? 180_000);
    const row = await tally(
      stack,
      'redis-restart',
      `${restarts}× SIGKILL Redis, ${(opts.downMs ?? 3000) / 1000} s down each`,
      outcomes,
      [jobId],
    );
    row.notes.push(
      `upload while Redis was down answered ${statuses.join(', ')} (202 = accepted into the outbox)`,
    );
    return row;
  } finally {
    await stack.stop();
  }
}
