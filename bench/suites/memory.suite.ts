import { textResume, uploadAll } from '../drills/drill-kit';
import type { SuiteResult } from '../lib/report';
import { metricSum, rssMb, sleep } from '../lib/services';
import { Stack } from '../lib/stack';
import { round } from '../lib/stats';
import { lineChart } from '../lib/svg-chart';
import { growthRow, pipelineMemory, type PipelineMemory } from './memory-pipeline';
import type { SuiteArgs } from './suite.types';

/**
 * One worker screens N text resumes; its RSS (from /proc) and V8 heap (prom-client's
 * nodejs_heap_size_used_bytes) are sampled every 2 s. Growth is measured from the sample taken
 * once 10% of the work is done (warm-up: JIT, model arena, extractor pool) to the end.
 */
export async function memorySuite(args: SuiteArgs): Promise<SuiteResult> {
  const total = args.count ?? (args.quick ? 500 : 5000);
  // With --data, the parse + score code alone over 5,000 real resumes (no database) as well.
  const pipe = args.data ? await pipelineMemory(args.data, 5000) : undefined;
  if (pipe && total === 0)
    return withPipeline({ suite: 'memory', notes: [], tables: [], charts: [], targets: [] }, pipe);
  const result = await workerMemory(total);
  return pipe ? withPipeline(result, pipe) : result;
}

function withPipeline(result: SuiteResult, pipe: PipelineMemory): SuiteResult {
  return {
    ...result,
    tables: [
      ...result.tables,
      { title: 'Parse + score in one process, 5,000 real resumes (no database)', rows: pipe.rows },
    ],
    charts: [
      ...(result.charts ?? []),
      {
        file: 'memory-pipeline.svg',
        svg: lineChart('parse + score process RSS (MB) over resumes', 'resumes', 'MB', pipe.points),
      },
    ],
    targets: [
      ...(result.targets ?? []),
      {
        target: 'no RSS growth above 15% after warm-up (parse + score, 5,000 real resumes)',
        measured: `${round(100 * pipe.growth, 1)}%`,
        met: pipe.growth <= 0.15,
      },
    ],
  };
}

async function workerMemory(total: number): Promise<SuiteResult> {
  const stack = await new Stack({ workers: 1 }).start();
  try {
    const worker = stack.workers[0];
    const jobId = await stack.createJob();
    const samples: { t: number; done: number; rss: number; heap: number }[] = [];
    const t0 = Date.now();
    const uploads = Array.from({ length: total }, (_, i) => ({
      jobId,
      file: textResume(`mem-${t0}-${i}`),
      name: `m${i}.txt`,
    }));
    const uploading = uploadAll(stack, uploads, 40);
    for (;;) {
      const text = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
      const done =
        metricSum(text, 'screener_stage_duration_seconds_count', { stage: 'screen' }) ||
        metricSum(text, 'screener_inference_duration_seconds_count');
      samples.push({
        t: (Date.now() - t0) / 1000,
        done,
        rss: rssMb(worker.child!.pid!),
        heap: metricSum(text, 'nodejs_heap_size_used_bytes') / 2 ** 20,
      });
      if (done >= total || Date.now() - t0 > 30 * 60_000) break;
      await sleep(2000);
    }
    await uploading;
    const end = samples[samples.length - 1];
    const { row, growth } = growthRow(samples, total / 10);
    return {
      suite: 'memory',
      notes: [
        `engine: ${stack.mongo.engine}; 1 worker (WORKER_CONCURRENCY=4), ${total} fictional text resumes uploaded at 40/s`,
        `completed count read from the worker's /metrics; ${end.done} of ${total} screened when sampling stopped`,
      ],
      tables: [
        {
          title: 'Worker memory',
          rows: [row],
        },
      ],
      charts: [
        {
          file: 'memory.svg',
          svg: lineChart(
            'worker RSS (MB) over resumes screened',
            'resumes',
            'MB',
            samples.map((s) => [s.done, round(s.rss, 1)]),
          ),
        },
      ],
      targets: [
        {
          target: 'no RSS growth above 15% after warm-up',
          measured: `${round(100 * growth, 1)}%`,
          met: growth <= 0.15 && end.done >= total,
        },
      ],
    };
  } finally {
    await stack.stop();
  }
}
