import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { Stack } from '../lib/stack';
import { fetchApps, TERMINAL, type DrillRow } from './drill-kit';
import type { DrillReceiver, Receipt } from './webhook-receiver';

interface DeliveryDoc {
  _id: unknown;
  webhookId: string;
  status: string;
  payload: string;
  attempts: { at: Date; statusCode?: number; error?: string }[];
}

/** `<applicationId>:<status>` for every terminal state an accepted application entered. */
export async function expectedEvents(
  stack: Stack,
  jobId: string,
  ids: string[],
): Promise<Set<string>> {
  const apps = await fetchApps(stack, [jobId]);
  const keys = new Set<string>();
  for (const id of ids)
    for (const t of apps.get(id)?.timeline ?? [])
      if (TERMINAL.includes(t.status)) keys.add(`${id}:${t.status}`);
  return keys;
}

/** The same key for what the receiver got (CloudEvents type + data.applicationId). */
export const eventKey = (r: { applicationId?: string; type?: string }) =>
  `${r.applicationId}:${(r.type ?? '').replace(/^application\./, '')}`;

const docKey = (d: DeliveryDoc) => {
  const e = JSON.parse(d.payload) as { type?: string; data?: { applicationId?: string } };
  return eventKey({ type: e.type, applicationId: e.data?.applicationId });
};

export async function deliveries(stack: Stack, endpointId: string): Promise<DeliveryDoc[]> {
  const db = await stack.mongoDb();
  return (await db
    .collection('webhookDeliveries')
    .find({ endpointId })
    .toArray()) as unknown as DeliveryDoc[];
}

export const isOpen = (d: { status: string }) => d.status === 'pending' || d.status === 'retrying';

/** Why an open delivery is not moving: its notify job's state, next run and last errors. */
async function diagnose(stack: Stack, open: DeliveryDoc[]): Promise<string[]> {
  if (!open.length) return [];
  const queue = new Queue('notify', { connection: { url: stack.redis.url }, prefix: 'screener' });
  const redis = new Redis(stack.redis.url);
  try {
    return await Promise.all(
      open.slice(0, 5).map(async (d) => {
        const job = await queue.getJob(`wh_${String(d._id)}`);
        if (!job) return `${d.webhookId} (${d.status}, ${d.attempts.length} logged): no job`;
        const state = await job.getState();
        // The delayed set's score is the due time in ms × 4096 (BullMQ's encoding).
        const score = await redis.zscore('screener:notify:delayed', job.id!);
        const runsIn = Math.round((Number(score) / 4096 - Date.now()) / 1000);
        const errors = (job.stacktrace ?? []).slice(-2).map((s) => s.split('\n')[0].slice(0, 160));
        return `${d.webhookId} (${d.status}, ${d.attempts.length} logged attempts): job ${state}, attemptsMade ${job.attemptsMade}${state === 'delayed' ? `, runs in ${runsIn} s` : ''}; last job errors: ${errors.join(' | ') || 'none'}`;
      }),
    );
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** Receiver log and delivery log against the expected events; `window` is the outage. */
export async function checkDeliveries(
  stack: Stack,
  receiver: DrillReceiver,
  expectedBefore: Set<string>,
  expectedNow: () => Promise<Set<string>>,
  endpointId: string,
  window: { downAt: number; upAt: number },
) {
  const acked = receiver.receipts.filter((r) => r.acked);
  const byId = group(acked, (r) => r.webhookId);
  const idsPerEvent = group(acked, eventKey);
  const docs = await deliveries(stack, endpointId);
  const at = (a: { at: Date }) => new Date(a.at).getTime();
  const inOutage = (a: { at: Date }) => at(a) >= window.downAt && at(a) <= window.upAt;
  const attempts = docs.flatMap((d) => d.attempts);
  const refused = attempts.filter((a) => inOutage(a) && a.error?.includes('ECONNREFUSED'));
  const hit = docs.filter((d) => d.attempts.some(inOutage));
  const delays = hit
    .map((d) => (byId.get(d.webhookId)?.[0]?.at ?? NaN) - window.upAt)
    .filter(Number.isFinite);
  const expectedAfter = await expectedNow();
  const unsettled = docs.filter((d) => d.status !== 'succeeded' && expectedBefore.has(docKey(d)));
  return {
    missing: [...expectedBefore].filter((k) => !idsPerEvent.has(k)),
    unexpected: [...idsPerEvent.keys()].filter((k) => !expectedAfter.has(k)),
    duplicates: [...byId].filter(([, rs]) => rs.length > 1),
    manyIds: [...idsPerEvent]
      .filter(([, rs]) => new Set(rs.map((r) => r.webhookId)).size > 1)
      .map(([k]) => k),
    badSignatures: receiver.receipts.filter((r) => !r.signatureOk).length,
    unsettled: unsettled.length,
    statuses: [...group(docs, (d) => d.status)].map(([s, ds]) => `${s} ${ds.length}`).join(', '),
    refused: refused.length,
    otherFailures:
      attempts.filter((a) => !(a.statusCode && a.statusCode < 300)).length - refused.length,
    hit: hit.length,
    maxDelayMs: delays.length ? Math.max(...delays) : 0,
    maxAttempt: Math.max(0, ...receiver.receipts.map((r) => r.attempt)),
    diagnosis: await diagnose(stack, unsettled.filter(isOpen)),
  };
}

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

type Checked = Awaited<ReturnType<typeof checkDeliveries>>;

const eg = (xs: string[]) => (xs.length ? ` (e.g. ${xs.slice(0, 3).join(', ')})` : '');
const dupNote = ([id, rs]: [string, Receipt[]]) =>
  `${id} acked ${rs.length}× with Webhook-Attempt ${rs.map((r) => r.attempt).join(',')}`;

/** Adds the delivery checks to the common row: events never delivered count as lost. */
export function withDeliveryChecks(
  row: DrillRow,
  expected: number,
  requests: number,
  c: Checked,
): DrillRow {
  row.lost += c.missing.length;
  row.notes.push(
    `events expected ${expected}, received (2xx-acknowledged) ${expected - c.missing.length}, never delivered ${c.missing.length}${eg(c.missing)}`,
    `redeliveries: ${c.duplicates.length} Webhook-Ids acknowledged more than once${eg(c.duplicates.map(dupNote))} (at-least-once: a success the sender failed to record is sent again under the same id, which the receiver's de-dup absorbs); ${c.manyIds.length} events received under more than one Webhook-Id${eg(c.manyIds)}; ${c.unexpected.length} unexpected events${eg(c.unexpected)}`,
    `signatures: ${c.badSignatures} of ${requests} requests failed verification`,
    `delivery log: ${c.statuses}; ${c.refused} attempts refused during the outage, ${c.otherFailures} other failed attempts; highest Webhook-Attempt ${c.maxAttempt}`,
    `${c.hit} deliveries attempted during the outage; slowest redelivery ${(c.maxDelayMs / 1000).toFixed(1)} s after the receiver came back`,
    ...c.diagnosis.map((d) => `open delivery ${d}`),
  );
  // refused > 0: the outage must have met traffic, or the drill proved nothing. A repeated
  // Webhook-Id is no failure: the receiver de-duplicates by it and so sees each event once.
  row.ok =
    row.ok &&
    c.missing.length === 0 &&
    c.manyIds.length === 0 &&
    c.unexpected.length === 0 &&
    c.badSignatures === 0 &&
    c.unsettled === 0 &&
    c.refused > 0;
  return row;
}
