import { shutdownExtractors } from '../../libs/parsing';
import { ScreeningModel } from '../../libs/scoring';
import type { Row } from '../lib/report';
import { round, slope } from '../lib/stats';
import { benchJob, listResumes, timeOne } from './pipeline-files';

export interface MemorySample {
  done: number;
  rss: number;
  heap: number;
}

/**
 * RSS and heap from the first sample with `warmAt` resumes done (JIT, model arena, extraction
 * pool warm) to the last, with the least-squares RSS slope over that stretch.
 */
export function growthRow(samples: MemorySample[], warmAt: number): { row: Row; growth: number } {
  const warm = samples.find((s) => s.done >= warmAt) ?? samples[0];
  const end = samples[samples.length - 1];
  const after = samples.filter((s) => s.done >= warm.done);
  const growth = (end.rss - warm.rss) / warm.rss;
  const perResume = slope(
    after.map((s) => s.done),
    after.map((s) => s.rss),
  );
  return {
    growth,
    row: {
      'RSS after warm-up MB': round(warm.rss, 1),
      'RSS at end MB': round(end.rss, 1),
      'RSS growth %': round(100 * growth, 1),
      'heap after warm-up MB': round(warm.heap, 1),
      'heap at end MB': round(end.heap, 1),
      'RSS slope MB/1000 resumes': round(1000 * perResume, 2),
    },
  };
}

export interface PipelineMemory {
  rows: Row[];
  growth: number;
  points: [number, number][];
}

/**
 * The worker's own code without the database: `total` parse + score runs in this process over
 * the real resume set, cycled. RSS and V8 heap are sampled every 100 resumes; growth is taken
 * from the 10% mark (JIT, model arena, extraction pool warm) to the end.
 */
export async function pipelineMemory(dir: string, total: number): Promise<PipelineMemory> {
  const files = listResumes(dir);
  const model = await ScreeningModel.load();
  const job = benchJob();
  const samples: MemorySample[] = [];
  for (let i = 0; i < total; i++) {
    await timeOne(files[i % files.length], model, job).catch(() => undefined);
    if ((i + 1) % 100 === 0) {
      const m = process.memoryUsage();
      samples.push({ done: i + 1, rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 });
    }
  }
  await shutdownExtractors();
  const { row, growth } = growthRow(samples, total / 10);
  const rows: Row[] = [{ resumes: total, files: files.length, ...row }];
  return { rows, growth, points: samples.map((s) => [s.done, round(s.rss, 1)]) };
}
