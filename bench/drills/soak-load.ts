import { sleep } from '../lib/services';
import type { Stack } from '../lib/stack';
import { textResume, uploadAll, type UploadOutcome } from './drill-kit';

/** Steady open-loop rates (per second) of the soak's three kinds of traffic. */
export interface SoakRates {
  uploads: number;
  lists: number;
  decisions: number;
}

/** What the list readers and deciders saw; `listWindowMs` is drained by each sample. */
export class SoakCounters {
  listOk = 0;
  listErrors: Record<string, number> = {};
  listWindowMs: number[] = [];
  decisionsOk = new Set<string>();
  decisionErrors: Record<string, number> = {};
  /** Decision ticks that found no screened, undecided application in the current job. */
  decisionIdle = 0;
  /** Applications a decider picked, so two in-flight deciders never take the same one. */
  readonly picked = new Set<string>();

  bump(map: Record<string, number>, key: string): void {
    map[key] = (map[key] ?? 0) + 1;
  }
}

/**
 * Calls `fn(i)` at `ratePerSec` from now until `endAt` (epoch ms), each call on its own timer so
 * a slow answer never slows the schedule (an open-loop load, as many portal users would be).
 */
async function every(
  ratePerSec: number,
  endAt: number,
  fn: (i: number) => Promise<void>,
): Promise<void> {
  if (!(ratePerSec > 0)) return;
  const started = Date.now();
  const calls: Promise<void>[] = [];
  for (let i = 0; ; i++) {
    const at = started + (i * 1000) / ratePerSec;
    if (at >= endAt) break;
    await sleep(Math.max(0, at - Date.now()));
    calls.push(fn(i).catch(() => undefined));
  }
  await Promise.all(calls);
}

/** Ranked-list views a recruiter flips between: the default ranking, a label filter, page 2. */
const LIST_QUERIES = ['limit=20', 'status=screened&label=strong_fit,potential_fit&limit=50'];

async function listRead(stack: Stack, jobId: string, i: number, c: SoakCounters): Promise<void> {
  const started = performance.now();
  const res = await stack
    .http('GET', `/jobs/${jobId}/applications?${LIST_QUERIES[i % LIST_QUERIES.length]}`)
    .catch(() => ({ status: 0, json: undefined }));
  c.listWindowMs.push(performance.now() - started);
  if (res.status === 200) c.listOk++;
  else c.bump(c.listErrors, String(res.status));
  const next = (res.json as { nextCursor?: string } | undefined)?.nextCursor;
  if (res.status === 200 && next && i % 4 === 0) {
    // Every 4th reader also turns the page, which exercises the cursor path.
    const page2 = await stack
      .http('GET', `/jobs/${jobId}/applications?limit=20&cursor=${encodeURIComponent(next)}`)
      .catch(() => ({ status: 0 }));
    if (page2.status === 200) c.listOk++;
    else c.bump(c.listErrors, String(page2.status));
  }
}

const DECISIONS = ['advance', 'hold', 'reject'] as const;

/** One recruiter decision on a screened, undecided application; a reason is always given. */
async function decide(stack: Stack, jobId: string, i: number, c: SoakCounters): Promise<void> {
  const res = await stack.http(
    'GET',
    `/jobs/${jobId}/applications?status=screened&decision=none&limit=20`,
  );
  const items = res.status === 200 ? (res.json as { items: { id: string }[] }).items : [];
  const app = items.find((it) => !c.picked.has(it.id));
  if (!app) {
    c.decisionIdle++;
    return;
  }
  c.picked.add(app.id);
  const decision = DECISIONS[i % DECISIONS.length];
  const out = await stack
    .http('POST', `/applications/${app.id}/decision`, {
      decision,
      reason: `soak drill: ${decision} #${i}`,
    })
    .catch(() => ({ status: 0, json: undefined }));
  if (out.status === 200 || out.status === 201) c.decisionsOk.add(app.id);
  else {
    const code = (out.json as { error?: { code?: string } } | undefined)?.error?.code;
    c.bump(c.decisionErrors, `${out.status}${code ? ` ${code}` : ''}`);
  }
}

/**
 * Runs the mixed load for `durationMs`. A new job (posting) opens every `jobEveryMs` and takes
 * the uploads from then on; readers and deciders work on the posting currently receiving
 * uploads, so per-request work stays bounded and a trend means a leak, not a bigger list.
 * Resolves to every upload's outcome once the last one is answered.
 */
export async function mixedLoad(
  stack: Stack,
  jobIds: string[],
  rates: SoakRates,
  durationMs: number,
  jobEveryMs: number,
  c: SoakCounters,
): Promise<UploadOutcome[]> {
  const started = Date.now();
  const endAt = started + durationMs;
  const jobAt = (ms: number) => jobIds[Math.min(jobIds.length - 1, Math.floor(ms / jobEveryMs))];
  const count = rates.uploads > 0 ? Math.floor((rates.uploads * durationMs) / 1000) : 0;
  const uploads = Array.from({ length: count }, (_, i) => ({
    jobId: jobAt((i * 1000) / rates.uploads),
    file: textResume(`soak-${started}-${i}`),
    name: `soak-${i}.txt`,
  }));
  const [outcomes] = await Promise.all([
    uploadAll(stack, uploads, rates.uploads),
    every(rates.lists, endAt, (i) => listRead(stack, jobAt(Date.now() - started), i, c)),
    every(rates.decisions, endAt, (i) => decide(stack, jobAt(Date.now() - started), i, c)),
  ]);
  return outcomes;
}

/** How many postings a run of `durationMs` opens. */
export const jobsFor = (durationMs: number, jobEveryMs: number): number =>
  Math.max(1, Math.ceil(durationMs / jobEveryMs));
