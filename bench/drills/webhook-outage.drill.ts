/**
 * webhook-outage: the portal's receiver is down (connection refused) for `outageMs` in the
 * middle of a run; afterwards every event must arrive, each exactly once per `Webhook-Id` as
 * the receiver sees it, correctly signed, with nothing left pending, retrying or dead.
 *
 * Outage length: the 120 s at full scale (count ≥ 500), 10 s at smaller counts (CI,
 * `--count 40`); `BENCH_WEBHOOK_OUTAGE_MS=<ms>` overrides both, e.g.
 * `BENCH_WEBHOOK_OUTAGE_MS=120000 npm run drill -- webhook-outage --count 40 --rate 10`.
 *
 * Retries are shortened (base 0.5 s, cap 5 s) so redelivery after the outage takes seconds, not
 * the production minutes; the disable rule keeps its production values (≥ 10 failures spanning
 * 24 h), which a 2-minute outage must not trip.
 */
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
import {
  checkDeliveries,
  deliveries,
  eventKey,
  expectedEvents,
  isOpen,
  withDeliveryChecks,
} from './webhook-outage.checks';
import { DrillReceiver } from './webhook-receiver';
import type { DrillOptions } from './worker-kill.drill';

const FULL_OUTAGE_MS = 120_000;
const SHORT_OUTAGE_MS = 10_000;
const APP_EVENTS = ['application.screened', 'application.needs_review', 'application.failed'];

const DRILL_ENV = {
  // WEBHOOKS_ALLOW_PRIVATE (needed for a 127.0.0.1 receiver) is refused under production.
  NODE_ENV: 'test',
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '500',
  WEBHOOK_RETRY_MAX_DELAY_MS: '5000',
  WEBHOOK_TIMEOUT_MS: '5000',
  WEBHOOK_DISABLE_AFTER_FAILURES: '10',
  WEBHOOK_DISABLE_AFTER_SECONDS: '86400',
};

/** The outage for a run: the env override, else the full spec or the short CI one. */
export function webhookOutageMs(fullScale: boolean): number {
  const env = Number(process.env.BENCH_WEBHOOK_OUTAGE_MS);
  if (Number.isFinite(env) && env > 0) return env;
  return fullScale ? FULL_OUTAGE_MS : SHORT_OUTAGE_MS;
}

/** Waits until every expected event was acknowledged and no delivery is still open. */
async function waitDelivered(
  stack: Stack,
  receiver: DrillReceiver,
  jobId: string,
  ids: string[],
  endpointId: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const expected = await expectedEvents(stack, jobId, ids).catch(() => undefined);
    const acked = new Set(receiver.receipts.filter((r) => r.acked).map(eventKey));
    const open = (await deliveries(stack, endpointId).catch(() => undefined))?.filter(isOpen);
    if (expected && open?.length === 0 && [...expected].every((k) => acked.has(k))) return;
    await sleep(1000);
  }
}

async function registerEndpoint(stack: Stack, url: string) {
  const res = await stack.http('POST', '/webhooks', { url, events: APP_EVENTS });
  if (res.status !== 201) throw new Error(`webhook register: ${res.status} ${res.text}`);
  return res.json as { id: string; secret: string };
}

/** Takes the receiver down once a third of the work is terminal, for `outageMs`. */
async function outage(
  stack: Stack,
  receiver: DrillReceiver,
  jobId: string,
  opts: Required<Pick<WebhookOutageOptions, 'count' | 'outageMs'>>,
) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // Runs beside the uploads: a failed poll must not become an unhandled rejection.
    const apps = await fetchApps(stack, [jobId]).catch(() => new Map());
    const done = [...apps.values()].filter((a) => TERMINAL.includes(a.status)).length;
    if (done >= opts.count / 3) break;
    await sleep(150);
  }
  const downAt = Date.now();
  await receiver.down();
  await sleep(opts.outageMs);
  await receiver.up();
  return { downAt, upAt: Date.now() };
}

export interface WebhookOutageOptions extends DrillOptions {
  outageMs?: number;
}

export async function webhookOutageDrill(opts: WebhookOutageOptions): Promise<DrillRow> {
  const outageMs = opts.outageMs ?? webhookOutageMs(true);
  const receiver = new DrillReceiver();
  await receiver.up();
  const stack = await new Stack({ workers: 2, roles: ['recruiter', 'admin'], env: DRILL_ENV });
  try {
    await stack.start();
    const endpoint = await registerEndpoint(stack, receiver.url);
    receiver.secret = endpoint.secret;
    const jobId = await stack.createJob();
    const uploads = Array.from({ length: opts.count }, (_, i) => ({
      jobId,
      file: textResume(`wo-${Date.now()}-${i}`),
      name: `wo-${i}.txt`,
    }));
    const down = outage(stack, receiver, jobId, { count: opts.count, outageMs });
    const outcomes = await uploadAll(stack, uploads, opts.rate ?? 25);
    const window = await down;
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    const settleMs = opts.settleMs ?? 180_000;
    await waitTerminal(stack, ids, [jobId], settleMs);
    await waitDelivered(stack, receiver, jobId, ids, endpoint.id, settleMs);
    const faults = `receiver down ${Math.round((window.upAt - window.downAt) / 1000)} s (connection refused)`;
    const row = await tally(stack, 'webhook-outage', faults, outcomes, [jobId]);
    // Work may still finish while the logs are read: what was expected before counts as
    // missing if not received, what was received is unexpected only if not expected after.
    const expected = await expectedEvents(stack, jobId, ids);
    const c = await checkDeliveries(
      stack,
      receiver,
      expected,
      () => expectedEvents(stack, jobId, ids),
      endpoint.id,
      window,
    );
    return withDeliveryChecks(row, expected.size, receiver.receipts.length, c);
  } finally {
    await stack.stop();
    await receiver.down();
  }
}
