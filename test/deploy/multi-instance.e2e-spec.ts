import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { textResume } from '../intake/intake-helpers';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import {
  AppProcess,
  dropDatabase,
  isolatedMongoUri,
  metricSum,
  NginxProcess,
} from '../helpers/processes';

/**
 * Debian's nginx (production nginx.conf, TLS off) in front of 2 APIs and 2 workers on one Mongo
 * and a private Redis. MULTI_INSTANCE_COUNT uploads (200 via `npm run multi-instance`; fewer in
 * CI to fit a 2-core runner) all reach `screened`, both workers screen some, the per-IP token
 * limit holds across both APIs, and a SIGKILLed API costs at most its in-flight uploads.
 */
const COUNT = Number(process.env.MULTI_INSTANCE_COUNT ?? 40);
const CONCURRENCY = 6;
const AUTH_LIMIT = 6;
/** Generous: on a loaded 2-core machine with FerretDB, a pipeline step can take seconds. */
const SCREEN_DEADLINE_MS = Math.max(180_000, COUNT * 5_000);
const BIN = join(__dirname, '..', '..', 'bin', 'screener.js');

interface UploadResult {
  seed: string;
  status: number;
  applicationId?: string;
  startedAt: number;
  error?: string;
}

interface StatusChange {
  status: string;
  at: string;
}

/** Wall time from the first upload to the last `screened`, and the median per application. */
function pipelineSummary(timelines: StatusChange[][]): string {
  const t = (tl: StatusChange[], s: string) => Date.parse(tl.find((c) => c.status === s)?.at ?? '');
  const spans = timelines.map((tl) => t(tl, 'screened') - t(tl, 'queued')).sort((a, b) => a - b);
  const first = Math.min(...timelines.map((tl) => t(tl, 'queued')));
  const last = Math.max(...timelines.map((tl) => t(tl, 'screened')));
  const median = spans[Math.floor(spans.length / 2)];
  return `${timelines.length} screened in ${last - first} ms; median queued→screened ${median} ms`;
}

const MONGO_URI = isolatedMongoUri(`mi${process.pid}`);

function cli(args: string[]): Record<string, string> {
  const out = execFileSync(process.execPath, [BIN, ...args, '--json'], {
    env: { ...process.env, NODE_OPTIONS: '', MONGO_URI },
  });
  return JSON.parse(out.toString()) as Record<string, string>;
}

describe(`multi-instance: nginx, 2 APIs, 2 workers, ${COUNT} uploads`, () => {
  let redis: LocalServer & { url: string };
  let apis: AppProcess[] = [];
  let workers: AppProcess[] = [];
  let nginx: NginxProcess;
  let base: string;
  let clientId: string;
  let clientSecret: string;
  let token: string;
  let jobId: string;
  const accepted = new Map<string, string>();

  const tokenRequest = () =>
    fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
  const authed = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers as object), authorization: `Bearer ${token}` },
    });

  async function uploadOne(seed: string): Promise<UploadResult> {
    const startedAt = Date.now();
    const form = new FormData();
    form.append(
      'file',
      new Blob([textResume(`mi-${seed}`)], { type: 'text/plain' }),
      `${seed}.txt`,
    );
    try {
      const res = await authed(`/jobs/${jobId}/applications`, { method: 'POST', body: form });
      const body = (await res.json().catch(() => ({}))) as { applicationId?: string };
      return { seed, status: res.status, applicationId: body.applicationId, startedAt };
    } catch (err) {
      return { seed, status: 0, startedAt, error: (err as Error).message };
    }
  }

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    const env = {
      REDIS_URL: redis.url,
      MONGO_URI,
      TRUST_PROXY: '1',
      THROTTLE_AUTH_LIMIT: String(AUTH_LIMIT),
      THROTTLE_UPLOAD_LIMIT: String(COUNT * 2 + 50),
      THROTTLE_IP_LIMIT: '100000',
      THROTTLE_CLIENT_LIMIT: '100000',
      WORKER_CONCURRENCY: '1',
      SHUTDOWN_DRAIN_MS: '0',
    };
    apis = await Promise.all([AppProcess.start('api', env), AppProcess.start('api', env)]);
    workers = await Promise.all([AppProcess.start('worker', env), AppProcess.start('worker', env)]);
    // Uploads are limited by the API's throttler (under test), not nginx's per-IP first line.
    nginx = await NginxProcess.start(
      apis.map((a) => a.port),
      { rateLimit: false },
    );
    base = `http://127.0.0.1:${nginx.port}`;
    const org = cli(['orgs', 'create', `multi-instance-${process.pid}`]);
    ({ clientId, clientSecret } = cli([
      'clients',
      'create',
      '--org',
      org.id,
      '--roles',
      'recruiter',
    ]));
    const res = await tokenRequest();
    expect(res.status).toBe(200);
    token = ((await res.json()) as { access_token: string }).access_token;
    const job = await authed('/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Senior Backend Engineer',
        description: 'Node.js and TypeScript services on Kubernetes.',
        requiredSkills: ['Node.js', 'TypeScript', 'MongoDB'],
        minYears: 3,
        status: 'open',
      }),
    });
    expect(job.status).toBe(201);
    jobId = ((await job.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([...apis, ...workers].map((p) => p.stop('SIGKILL')));
    await redis?.stop();
    await dropDatabase(MONGO_URI);
  });

  it('holds the per-IP token limit globally across both APIs (shared Redis)', async () => {
    // One token request was spent in beforeAll; the window (60 s) outlasts this phase.
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_LIMIT + 4; i++) statuses.push((await tokenRequest()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(AUTH_LIMIT - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    // Round-robin sent requests to both APIs; with per-process counters each would allow the limit.
    for (const api of apis) {
      const served = metricSum(await api.metrics(), 'http_request_duration_seconds_count', {
        route: '/auth/token',
      });
      expect(served).toBeGreaterThan(0);
    }
  });

  it(
    'loses at most the in-flight uploads when an API is SIGKILLed mid-run',
    async () => {
      const seeds = Array.from({ length: COUNT }, (_, i) => String(i));
      const results: UploadResult[] = [];
      let killedAt = Infinity;
      let killing: Promise<unknown> | undefined;
      let next = 0;
      const lane = async () => {
        while (next < seeds.length) {
          // Uploads already in flight meet the kill; new ones start once the process is gone.
          if (killing) await killing;
          const i = next++;
          if (i >= seeds.length) break;
          const r = await uploadOne(seeds[i]);
          results.push(r);
          if (!killing && results.length >= COUNT / 2) {
            killing = apis[0].stop('SIGKILL').then(() => (killedAt = Date.now()));
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
      await killing;
      expect(apis[0].running).toBe(false);

      const failed = results.filter((r) => r.status !== 202);
      process.stdout.write(
        `multi-instance: ${failed.length} of ${COUNT} uploads failed at the SIGKILL (statuses ${failed.map((r) => r.status || r.error).join(', ') || 'none'})\n`,
      );
      expect(failed.length).toBeLessThanOrEqual(CONCURRENCY);
      // Every upload started after the process was gone succeeded: nginx retried the refused
      // connect on the surviving API.
      expect(results.filter((r) => r.startedAt > killedAt && r.status !== 202)).toEqual([]);
      expect(results.filter((r) => r.startedAt > killedAt).length).toBeGreaterThan(0);

      // A client retries its failed uploads; the same bytes are deduplicated (200) or accepted (202).
      for (const r of failed) {
        const again = await uploadOne(r.seed);
        expect([200, 202]).toContain(again.status);
        Object.assign(r, again);
      }
      for (const r of results) accepted.set(r.seed, r.applicationId as string);
      expect(new Set(accepted.values()).size).toBe(COUNT);
    },
    Math.max(180_000, COUNT * 1_000),
  );

  it(
    'screens every upload, and both workers screened some',
    async () => {
      expect(accepted.size).toBe(COUNT);
      const pending = new Set(accepted.values());
      const timelines: StatusChange[][] = [];
      await eventually(
        async () => {
          for (const id of [...pending]) {
            const res = await authed(`/applications/${id}`);
            const body = (await res.json()) as { status: string; timeline: StatusChange[] };
            if (['failed', 'needs_review'].includes(body.status))
              throw new Error(`${id} ended ${body.status}`);
            if (body.status === 'screened') {
              pending.delete(id);
              timelines.push(body.timeline);
            }
          }
          return pending.size === 0;
        },
        `${COUNT} applications to be screened`,
        SCREEN_DEADLINE_MS,
      );
      process.stdout.write(`multi-instance: ${pipelineSummary(timelines)}\n`);
      const perWorker = await Promise.all(
        workers.map(async (w) =>
          metricSum(await w.metrics(), 'screener_stage_duration_seconds_count', {
            stage: 'screen',
          }),
        ),
      );
      for (const n of perWorker) expect(n).toBeGreaterThan(0);
      expect(perWorker[0] + perWorker[1]).toBeGreaterThanOrEqual(COUNT);
    },
    SCREEN_DEADLINE_MS + 30_000,
  );

  it("exposes the issue's metrics on the worker and the API after screened uploads", async () => {
    const worker = await workers[0].metrics();
    expect(metricSum(worker, 'screener_parse_duration_seconds_count')).toBeGreaterThan(0);
    expect(metricSum(worker, 'screener_inference_duration_seconds_count')).toBeGreaterThan(0);
    for (const state of ['waiting', 'active', 'failed', 'completed']) {
      expect(worker).toMatch(
        new RegExp(`^screener_queue_jobs\\{queue="resume-parse",state="${state}"\\} \\d+`, 'm'),
      );
    }
    expect(
      metricSum(worker, 'screener_queue_jobs', { queue: 'application-screen', state: 'completed' }),
    ).toBeGreaterThan(0);
    expect(worker).toMatch(/^# TYPE screener_webhook_deliveries_total counter$/m);
    expect(worker).toMatch(/^screener_model_info\{[^}]*version="[^"]+"[^}]*\} 1$/m);
    const api = await apis[1].metrics();
    expect(
      metricSum(api, 'http_request_duration_seconds_count', {
        route: '/jobs/:jobId/applications',
        status_code: '202',
      }),
    ).toBeGreaterThan(0);
  });
});
