import type { Stack } from '../lib/stack';
import { sleep } from '../lib/services';

export const TERMINAL = ['screened', 'needs_review', 'failed'];

export interface Upload {
  jobId: string;
  file: Buffer;
  name: string;
  hostile?: boolean;
}

export interface UploadOutcome extends Upload {
  id?: string;
  attempts: number;
  lastStatus: number;
}

/** One drill's row of the common table; `lost` must be 0. */
export interface DrillRow {
  drill: string;
  faults: string;
  accepted: number;
  screened: number;
  needsReviewOrFailedWithReason: number;
  lost: number;
  notes: string[];
  ok: boolean;
  /** Good (non-hostile) uploads sent; each must end screened. */
  good?: number;
}

/** A fictional plain-text resume whose bytes (and so its sha256) are unique per `seed`. */
export function textResume(seed: string): Buffer {
  return Buffer.from(
    [
      `Candidate ${seed}`,
      'Backend Engineer',
      `cand-${seed.replace(/\W/g, '')}@example.com | +1 415 555 0100`,
      '',
      'Summary',
      `Engineer number ${seed} with ${3 + (seed.length % 7)} years of Node.js and TypeScript.`,
      '',
      'Experience',
      'Backend Engineer, Example Corp',
      'Jan 2019 - Present',
      '- Built APIs in Node.js, TypeScript and MongoDB; ran them on Kubernetes.',
      '',
      'Education',
      'B.Sc. Computer Science, Example University, 2018',
      '',
      'Skills',
      'Node.js, TypeScript, MongoDB, Redis, Kubernetes, Docker',
    ].join('\n'),
  );
}

/**
 * Uploads at `ratePerSec` (each upload on its own timer, so a slow answer does not slow the
 * schedule); a client retries network errors and 5xx/429 answers with a 500 ms pause, up to
 * `maxAttempts`, as a portal would.
 */
export async function uploadAll(
  stack: Stack,
  uploads: Upload[],
  ratePerSec: number,
  maxAttempts = 60,
): Promise<UploadOutcome[]> {
  const started = Date.now();
  return Promise.all(
    uploads.map(async (u, i) => {
      await sleep(Math.max(0, started + (i * 1000) / ratePerSec - Date.now()));
      const out: UploadOutcome = { ...u, attempts: 0, lastStatus: 0 };
      while (out.attempts < maxAttempts) {
        out.attempts++;
        const res = await stack
          .upload(u.jobId, u.file, u.name)
          .catch(() => ({ status: 0, id: undefined }));
        out.lastStatus = res.status;
        if (res.status === 202 || res.status === 200) {
          out.id = res.id;
          return out;
        }
        if (res.status > 0 && res.status < 500 && res.status !== 429) return out;
        await sleep(500);
      }
      return out;
    }),
  );
}

interface AppDoc {
  _id: unknown;
  status: string;
  failureReason?: string;
  timeline?: { status: string; at: Date; reason?: string }[];
}

/** The applications of `jobIds` as stored (status, reason, timeline). */
export async function fetchApps(stack: Stack, jobIds: string[]): Promise<Map<string, AppDoc>> {
  const db = await stack.mongoDb();
  const docs = (await db
    .collection('applications')
    .find({ jobId: { $in: jobIds } }, { projection: { status: 1, failureReason: 1, timeline: 1 } })
    .toArray()) as unknown as AppDoc[];
  return new Map(docs.map((d) => [String(d._id), d]));
}

/**
 * Waits until every accepted id is terminal in Mongo. Gives up after `stallMs` with no
 * application becoming terminal (a slow engine finishes a big run, a stuck one still ends), or
 * at `maxMs` in all (benchmarks, which measure a fixed window).
 */
export async function waitTerminal(
  stack: Stack,
  ids: string[],
  jobIds: string[],
  stallMs: number,
  maxMs = Infinity,
): Promise<void> {
  let done = -1;
  let deadline = Date.now() + stallMs;
  const end = Date.now() + maxMs;
  while (Date.now() < Math.min(deadline, end)) {
    const apps = await fetchApps(stack, jobIds).catch(() => new Map<string, AppDoc>());
    const now = ids.filter((id) => TERMINAL.includes(apps.get(id)?.status ?? '')).length;
    if (now === ids.length) return;
    if (now > done) [done, deadline] = [now, Date.now() + stallMs];
    await sleep(1000);
  }
}

export const reasonOf = (d: AppDoc): string | undefined =>
  d.failureReason ?? [...(d.timeline ?? [])].reverse().find((t) => t.reason)?.reason;

/** upload→terminal latency in ms, from the first timeline entry to the terminal one. */
export function latencyMs(d: AppDoc): number | undefined {
  const t = d.timeline ?? [];
  const end = t.find((e) => TERMINAL.includes(e.status));
  return t.length && end ? new Date(end.at).getTime() - new Date(t[0].at).getTime() : undefined;
}

/**
 * Tallies the common row. Lost = accepted but missing, not terminal, terminal without a
 * reason (needs_review/failed), or screened more than once (duplicate work visible in the timeline).
 */
export async function tally(
  stack: Stack,
  drill: string,
  faults: string,
  outcomes: UploadOutcome[],
  jobIds: string[],
): Promise<DrillRow & { apps: Map<string, AppDoc> }> {
  const apps = await fetchApps(stack, jobIds);
  const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
  const notes: string[] = [];
  let screened = 0;
  let withReason = 0;
  let lost = 0;
  for (const id of new Set(ids)) {
    const d = apps.get(id);
    const screenedEntries = (d?.timeline ?? []).filter((t) => t.status === 'screened').length;
    if (d?.status === 'screened' && screenedEntries === 1) screened++;
    else if (d && (d.status === 'failed' || d.status === 'needs_review') && reasonOf(d))
      withReason++;
    else {
      lost++;
      if (notes.length < 5)
        notes.push(`lost ${id}: ${d ? `${d.status}, ${screenedEntries}× screened` : 'missing'}`);
    }
  }
  const rejected = outcomes.filter((o) => !o.id);
  if (rejected.length) {
    notes.push(
      `${rejected.length} uploads never accepted (statuses ${[...new Set(rejected.map((r) => r.lastStatus))].join(',')})`,
    );
  }
  const goodRejected = rejected.filter((o) => !o.hostile);
  if (goodRejected.length) lost += goodRejected.length;
  const hostileRejected = rejected.filter((o) => o.hostile);
  if (hostileRejected.length) {
    notes.push(
      `${hostileRejected.length} hostile uploads refused at intake (${[...new Set(hostileRejected.map((r) => r.lastStatus))].join(',')}), counted as with a reason`,
    );
    withReason += hostileRejected.length;
  }
  const retried = outcomes.filter((o) => o.attempts > 1).length;
  if (retried) notes.push(`${retried} uploads needed client retries`);
  const row: DrillRow = {
    drill,
    faults,
    good: outcomes.filter((o) => !o.hostile).length,
    accepted: new Set(ids).size,
    screened,
    needsReviewOrFailedWithReason: withReason,
    lost,
    notes,
    ok: lost === 0,
  };
  return { ...row, apps };
}
