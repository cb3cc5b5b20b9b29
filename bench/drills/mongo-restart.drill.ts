import { GridFSBucket, ObjectId } from 'mongodb';
import { metricSum, sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import { tally, textResume, uploadAll, waitTerminal, type DrillRow } from './drill-kit';
import type { DrillOptions } from './worker-kill.drill';

/** Half-written state after the run: files, chunks and records that nothing references. */
async function orphans(stack: Stack): Promise<Record<string, number>> {
  const db = await stack.mongoDb();
  const ids = async (coll: string, field: string) =>
    new Set(
      (
        await db
          .collection(coll)
          .find({}, { projection: { [field]: 1 } })
          .toArray()
      ).map((d) => String(d[field])),
    );
  const files = await ids('resumes.files', '_id');
  const chunkFiles = await ids('resumes.chunks', 'files_id');
  const resumeFileIds = await ids('resumes', 'fileId');
  const resumeIds = await ids('resumes', '_id');
  const appResumeIds = await ids('applications', 'resumeId');
  const count = (xs: Set<string>, notIn: Set<string>) =>
    [...xs].filter((x) => !notIn.has(x)).length;
  return {
    'GridFS files without a resume': count(files, resumeFileIds),
    'GridFS chunks without a file': count(chunkFiles, files),
    'resumes without their file': count(resumeFileIds, files),
    'applications without their resume': count(appResumeIds, resumeIds),
    'resumes without an application': count(resumeIds, appResumeIds),
  };
}

/**
 * The orphan sweep runs every 6 s after a 5 s grace here (production: 30 min, 10 min), so the
 * drill sees it remove what the outage left; running during the outage and the uploads, it also
 * shows it never takes a file from an upload still in flight.
 */
const ORPHAN_SWEEP_ENV = { ORPHAN_SWEEP_MINUTES: '0.1', ORPHAN_GRACE_SECONDS: '5' };

/**
 * What an upload cut short leaves, planted so the sweep has something to remove even when the
 * kill misses every upload's window: a file no resume references, and chunks without a file.
 */
async function plantHalfWrittenUploads(stack: Stack): Promise<void> {
  const db = await stack.mongoDb();
  const upload = new GridFSBucket(db, { bucketName: 'resumes' }).openUploadStream('cut.txt');
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve()).once('error', reject);
    upload.end(textResume(`cut-${Date.now()}`));
  });
  await db
    .collection('resumes.chunks')
    .insertOne({ files_id: new ObjectId(), n: 0, data: textResume(`cut-chunk-${Date.now()}`) });
}

/** Sum over the workers of one counter, read from their /metrics. */
async function workerCounter(stack: Stack, name: string, labels: Record<string, string>) {
  const texts = await Promise.all(
    stack.workers.map((w) =>
      fetch(`http://127.0.0.1:${w.port}/metrics`)
        .then((r) => r.text())
        .catch(() => ''),
    ),
  );
  return texts.reduce((sum, text) => sum + metricSum(text, name, labels), 0);
}

/** Waits for two more completed sweeps (the second began after this call); false on timeout. */
async function nextSweep(stack: Stack, timeoutMs = 60_000): Promise<boolean> {
  const sweeps = () => workerCounter(stack, 'screener_orphan_sweeps_total', { outcome: 'ok' });
  const start = await sweeps();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await sweeps()) >= start + 2) return true;
    await sleep(500);
  }
  return false;
}

/**
 * Uploads while the Mongo-protocol server is SIGKILLed and started again on the same data. While
 * it is down, probes the API's readiness and an upload (expected: 503 with a code); clients retry.
 */
export async function mongoRestartDrill(
  opts: DrillOptions & { downMs?: number },
): Promise<DrillRow> {
  const stack = await new Stack({ workers: 2, env: ORPHAN_SWEEP_ENV }).start();
  try {
    const jobId = await stack.createJob();
    const rate = opts.rate ?? 25;
    const uploads = Array.from({ length: opts.count }, (_, i) => ({
      jobId,
      file: textResume(`mr-${Date.now()}-${i}`),
      name: `mr-${i}.txt`,
    }));
    await plantHalfWrittenUploads(stack);
    const uploading = uploadAll(stack, uploads, rate);
    await sleep((opts.count / rate) * 333);
    await stack.mongo.kill('SIGKILL');
    await sleep(1500);
    const ready = (await fetch(stack.url('/health/ready')).catch(() => undefined))?.status ?? 0;
    const probe = await stack
      .upload(jobId, textResume(`mr-probe-${Date.now()}`), 'probe.txt')
      .catch(() => ({ status: 0, code: 'network error' }));
    await sleep(opts.downMs ?? 5000);
    await stack.mongo.start();
    const outcomes = await uploading;
    const ids = outcomes.filter((o) => o.id).map((o) => o.id!);
    await waitTerminal(stack, ids, [jobId], opts.settleMs ?? 180_000);
    const row = await tally(
      stack,
      'mongo-restart',
      `1× SIGKILL ${stack.mongo.name}, ${((opts.downMs ?? 5000) + 1500) / 1000} s down; 2 half-written uploads planted`,
      outcomes,
      [jobId],
    );
    row.notes.push(
      `while down: /health/ready answered ${ready}, an upload answered ${probe.status} ${probe.code ?? '(no code)'}`,
    );
    // The probe upload was not retried: if it was accepted anyway it is one more application to find.
    const swept = await nextSweep(stack);
    const removed = (kind: string) =>
      workerCounter(stack, 'screener_orphans_removed_total', { kind });
    row.notes.push(
      swept
        ? `orphan sweep removed ${await removed('file')} files, ${await removed('chunk')} fileless chunks`
        : 'orphan sweep: none completed within 60 s',
    );
    const half = await orphans(stack);
    const bad = Object.entries(half).filter(([, n]) => n > 0);
    row.notes.push(
      `half-written state: ${Object.entries(half)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    row.ok =
      row.ok && swept && bad.length === 0 && ready === 503 && probe.status === 503 && !!probe.code;
    return row;
  } finally {
    await stack.stop();
  }
}
