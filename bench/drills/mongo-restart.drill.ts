import { sleep } from '../lib/services';
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
 * Uploads while the Mongo-protocol server is SIGKILLed and started again on the same data. While
 * it is down, probes the API's readiness and an upload (expected: 503 with a code); clients retry.
 */
export async function mongoRestartDrill(
  opts: DrillOptions & { downMs?: number },
): Promise<DrillRow> {
  const stack = await new Stack({ workers: 2 }).start();
  try {
    const jobId = await stack.createJob();
    const rate = opts.rate ?? 25;
    const uploads = Array.from({ length: opts.count }, (_, i) => ({
      jobId,
      file: textResume(`mr-${Date.now()}-${i}`),
      name: `mr-${i}.txt`,
    }));
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
      `1× SIGKILL ${stack.mongo.name}, ${((opts.downMs ?? 5000) + 1500) / 1000} s down`,
      outcomes,
      [jobId],
    );
    row.notes.push(
      `while down: /health/ready answered ${ready}, an upload answered ${probe.status} ${probe.code ?? '(no code)'}`,
    );
    // The probe upload was not retried: if it was accepted anyway it is one more application to find.
    const half = await orphans(stack);
    const bad = Object.entries(half).filter(([, n]) => n > 0);
    row.notes.push(
      `half-written state: ${Object.entries(half)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    row.ok = row.ok && bad.length === 0 && ready === 503 && probe.status === 503 && !!probe.code;
    return row;
  } finally {
    await stack.stop();
  }
}
