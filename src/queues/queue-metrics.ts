import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge, register } from 'prom-client';
import { ALL_QUEUES } from './queue-names';
import { QueueProducer } from './queue-producer';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** Queue depth per state and age of the oldest waiting job, read from Redis at scrape time. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(private readonly producer: QueueProducer) {}

  onModuleInit(): void {
    const producer = this.producer;
    if (!register.getSingleMetric('screener_queue_jobs')) {
      new Gauge({
        name: 'screener_queue_jobs',
        help: 'Jobs per queue and state',
        labelNames: ['queue', 'state'],
        async collect() {
          await Promise.all(
            ALL_QUEUES.map(async (name) => {
              const counts = await withTimeout(producer.queue(name).getJobCounts(...STATES));
              for (const state of STATES)
                if (counts) this.set({ queue: name, state }, counts[state] ?? 0);
            }),
          );
        },
      });
    }
    if (!register.getSingleMetric('screener_queue_oldest_waiting_seconds')) {
      new Gauge({
        name: 'screener_queue_oldest_waiting_seconds',
        help: 'Age of the oldest waiting job per queue (0 when empty)',
        labelNames: ['queue'],
        async collect() {
          await Promise.all(
            ALL_QUEUES.map(async (name) => {
              const [oldest] = (await withTimeout(producer.queue(name).getWaiting(0, 0))) ?? [];
              this.set({ queue: name }, oldest ? (Date.now() - oldest.timestamp) / 1000 : 0);
            }),
          );
        },
      });
    }
  }
}

/** A scrape must not hang while Redis is down; missing values are simply not updated. */
async function withTimeout<T>(p: Promise<T>, ms = 500): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms))),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
