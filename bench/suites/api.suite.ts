import { Types } from 'mongoose';
import { performance } from 'node:perf_hooks';
import type { Row, SuiteResult } from '../lib/report';
import { BENCH_LIMITS, Stack } from '../lib/stack';
import { median, round } from '../lib/stats';
import { barChart } from '../lib/svg-chart';
import { cannon, multipart, pdf100k, type CannonOptions, type CannonResult } from './api-load';
import type { SuiteArgs } from './suite.types';

const APPS = 10_000;

/** Inserts `APPS` screened applications for the job straight into Mongo; returns their ids. */
async function seed(stack: Stack, jobId: string): Promise<string[]> {
  const db = await stack.mongoDb();
  const job = await db.collection('jobs').findOne({ _id: new Types.ObjectId(jobId) });
  if (!job) throw new Error(`job ${jobId} not found in Mongo`);
  const now = new Date();
  const docs = Array.from({ length: APPS }, (_, i) => {
    const score = Math.round(Math.random() * 10000) / 100;
    return {
      _id: new Types.ObjectId(),
      orgId: String(job.orgId),
      jobId,
      resumeId: `bench-resume-${i}`,
      status: 'screened',
      statusAt: now,
      timeline: [
        { status: 'received', at: now },
        { status: 'screened', at: now },
      ],
      score,
      label: score >= 70 ? 'strong_fit' : score >= 40 ? 'potential_fit' : 'weak_fit',
      modelVersion: 'bench',
      retries: 0,
      optOutAutomated: false,
      decisions: [],
      skills: ['node.js', 'typescript'],
      topReasons: ['Has 3 of 3 required skills'],
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < docs.length; i += 1000)
    await db.collection('applications').insertMany(docs.slice(i, i + 1000));
  return docs.map((d) => String(d._id));
}

/** Median latency of requests sent one at a time: the engine's per-request cost without queueing. */
async function sequentialReads(
  stack: Stack,
  ids: string[],
  n = 20,
): Promise<{ read: number; list: number; n: number }> {
  const time = async (path: string) => {
    const t0 = performance.now();
    await stack.http('GET', path);
    return performance.now() - t0;
  };
  const reads: number[] = [];
  const lists: number[] = [];
  const jobId = (await stack.http('GET', `/applications/${ids[0]}`)).json as { jobId?: string };
  for (let i = 0; i < n; i++) {
    reads.push(await time(`/applications/${ids[(i * 7919) % ids.length]}`));
    lists.push(await time(`/jobs/${jobId.jobId}/applications?limit=20`));
  }
  return { read: round(median(reads), 1), list: round(median(lists), 1), n };
}

interface Scenario {
  name: string;
  opts: Omit<CannonOptions, 'url' | 'duration'>;
}

function row(name: string, runs: CannonResult[]): Row {
  const m = (f: (r: CannonResult) => number) => round(median(runs.map(f)), 1);
  return {
    scenario: name,
    'req/s': m((r) => r.requests.average),
    'p50 ms': m((r) => r.latency.p50),
    'p99 ms': m((r) => r.latency.p99),
    'non-2xx': runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors + r.timeouts, 0),
  };
}

/** The ranked list over 10,000 applications, single reads and 100 KB uploads under autocannon. */
export async function apiSuite(args: SuiteArgs): Promise<SuiteResult> {
  const stack = await new Stack({ workers: 0 }).start();
  try {
    const jobId = await stack.createJob();
    const ids = await seed(stack, jobId);
    const auth = { authorization: `Bearer ${stack.token}` };
    const list = `/jobs/${jobId}/applications?limit=20`;
    const pick = () => ids[Math.floor(Math.random() * ids.length)];
    const scenarios: Scenario[] = [
      {
        name: 'ranked list, c=50',
        opts: { connections: 50, headers: auth, requests: [{ path: list }] },
      },
      {
        name: 'ranked list, c=50 at 200 req/s',
        opts: { connections: 50, overallRate: 200, headers: auth, requests: [{ path: list }] },
      },
      {
        name: 'single application read, c=50',
        opts: {
          connections: 50,
          headers: auth,
          requests: [{ setupRequest: (r) => ({ ...r, path: `/applications/${pick()}` }) }],
        },
      },
      {
        name: 'upload 100 KB PDF, c=10',
        opts: {
          connections: 10,
          requests: [
            {
              method: 'POST',
              setupRequest: (r) => {
                const m = multipart(pdf100k(), 'resume.pdf');
                return {
                  ...r,
                  path: `/jobs/${jobId}/applications`,
                  body: m.body,
                  headers: { ...auth, 'content-type': m.contentType },
                };
              },
            },
          ],
        },
      },
    ];
    const first = await stack.http('GET', list);
    if (first.status !== 200)
      throw new Error(`list answered ${first.status}: ${first.text.slice(0, 300)}`);
    const probe = await sequentialReads(stack, ids);
    const rows: Row[] = [];
    const duration = args.quick ? 5 : 10;
    for (const s of scenarios) {
      const runs: CannonResult[] = [];
      for (let r = 0; r < Math.min(args.runs, 3); r++)
        runs.push(await cannon({ url: stack.url(''), duration, ...s.opts }));
      rows.push(row(s.name, runs));
    }
    const rated = rows[1];
    const p99 = Number(rated['p99 ms']);
    return {
      suite: 'api',
      notes: [
        `engine: ${stack.mongo.engine}; Redis ${stack.redis.url}; 1 API process, no workers (uploads are stored in GridFS and queued only); uploads run last at c=10 because c=50 of 100 KB GridFS writes drove FerretDB to 3 GB RSS and connection timeouts`,
        `${APPS} screened applications seeded directly into \`applications\`; list = first page of 20 (Redis-cached ranked list)`,
        `rate limits raised for the run: ${Object.entries(BENCH_LIMITS)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
        `one request at a time, GET /applications/:id takes ${probe.read} ms median and the ranked list ${probe.list} ms median (${probe.n} requests each, before the load runs): the per-request cost behind the concurrent figures`,
        `autocannon, ${duration} s per run, median of ${Math.min(args.runs, 3)} runs; load generator on the same 2 cores`,
      ],
      tables: [{ title: 'API under autocannon', rows }],
      charts: [
        {
          file: 'api.svg',
          svg: barChart(
            'requests/s',
            'req/s',
            rows.map((r) => ({ label: String(r.scenario), value: Number(r['req/s']) })),
          ),
        },
      ],
      targets: [
        {
          target: 'ranked list p99 < 50 ms at 200 req/s',
          measured: `${p99} ms (non-2xx ${rated['non-2xx']})`,
          met: p99 < 50 && rated['non-2xx'] === 0,
        },
      ],
    };
  } finally {
    await stack.stop();
  }
}
