import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildPdf, PageSpec, TextItem } from '../../scripts/fixtures/pdf-writer';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import {
  AppProcess,
  dropDatabase,
  isolatedMongoUri,
  httpGet,
  metricSum,
} from '../helpers/processes';

const BIN = join(__dirname, '..', '..', 'bin', 'screener.js');

/**
 * A legal but heavy resume: 40 pages (the parser's page cap) of 700 lines each, about 170 KB
 * compressed. Its extraction takes seconds of CPU, which is the long-running job; no test-only
 * code path is involved.
 */
function heavyResume(): Buffer {
  const pages: PageSpec[] = [];
  for (let p = 0; p < 40; p++) {
    const texts: TextItem[] = [];
    for (let l = 0; l < 700; l++) {
      const text = `Project ${p}-${l}: built Node.js and TypeScript services on Kubernetes with MongoDB for Example Corp, 2019-2024.`;
      texts.push({ x: 20, y: 7100 - l * 10, size: 8, text });
    }
    pages.push({ texts });
  }
  // Tall pages hold 700 readable 8-pt lines each (tiny or overlapping text reads as hidden).
  return buildPdf({ pages, compress: true, height: 7200 });
}

const MONGO_URI = isolatedMongoUri(`ws${process.pid}`);

function cli(args: string[]): Record<string, string> {
  const out = execFileSync(process.execPath, [BIN, ...args, '--json'], {
    env: { ...process.env, NODE_OPTIONS: '', MONGO_URI },
  });
  return JSON.parse(out.toString()) as Record<string, string>;
}

describe('worker graceful shutdown with a job in flight', () => {
  let redis: LocalServer & { url: string };
  let api: AppProcess;
  const workers: AppProcess[] = [];
  let env: Record<string, string>;
  let token: string;

  const authed = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${api.port}${path}`, {
      ...init,
      headers: { ...(init.headers as object), authorization: `Bearer ${token}` },
    });
  const statusOf = async (id: string) =>
    ((await (await authed(`/applications/${id}`)).json()) as { status: string }).status;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    env = {
      REDIS_URL: redis.url,
      MONGO_URI,
      WORKER_CONCURRENCY: '1',
      // Short, so the first worker stops fetching before its parse ends (the HTTP server, and its
      // 503, stay up until the active jobs are done).
      SHUTDOWN_DRAIN_MS: '200',
      SHUTDOWN_TIMEOUT_MS: '60000',
    };
    api = await AppProcess.start('api', env);
    const org = cli(['orgs', 'create', `worker-shutdown-${process.pid}`]);
    const client = cli(['clients', 'create', '--org', org.id, '--roles', 'recruiter']);
    const res = await fetch(`http://127.0.0.1:${api.port}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].filter(Boolean).map((p) => p.stop('SIGKILL')));
    await redis?.stop();
    await dropDatabase(MONGO_URI);
  });

  it('turns readiness 503, finishes the in-flight parse, exits 0; the next worker screens it', async () => {
    const job = await authed('/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Backend Engineer',
        description: 'Node.js services.',
        requiredSkills: ['Node.js', 'TypeScript'],
        status: 'open',
      }),
    });
    const jobId = ((await job.json()) as { id: string }).id;
    const form = new FormData();
    const pdf = new Blob([heavyResume()], { type: 'application/pdf' });
    form.append('file', pdf, 'heavy.pdf');
    const up = await authed(`/jobs/${jobId}/applications`, { method: 'POST', body: form });
    expect(up.status).toBe(202);
    const { applicationId } = (await up.json()) as { applicationId: string };

    const first = await AppProcess.start('worker', env);
    workers.push(first);
    await eventually(async () => (await statusOf(applicationId)) === 'parsing', 'parse started');

    first.child.kill('SIGTERM');
    await eventually(
      async () => (await httpGet(first.port, '/health/ready')).status === 503,
      'readiness 503 while draining',
      5_000,
    );
    // Still live while it drains, so an orchestrator does not kill it early.
    expect((await httpGet(first.port, '/health/live')).status).toBe(200);
    // 0 only on a clean drain; past SHUTDOWN_TIMEOUT_MS the process exits 1.
    expect(await first.exited).toBe(0);
    // The parse finished before exit: nothing was left half-done in `parsing`.
    expect(await statusOf(applicationId)).not.toBe('parsing');

    const second = await AppProcess.start('worker', env);
    workers.push(second);
    let last = '';
    await eventually(
      async () => (last = await statusOf(applicationId)) === 'screened',
      'screened by the second worker',
      60_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message} (last status ${last})`);
    });
    const metrics = await second.metrics();
    // The second worker only screened: the first one's parse was not repeated.
    expect(metricSum(metrics, 'screener_stage_duration_seconds_count', { stage: 'parse' })).toBe(0);
    expect(
      metricSum(metrics, 'screener_stage_duration_seconds_count', { stage: 'screen' }),
    ).toBeGreaterThan(0);
  });
});
