import type { JobsOptions } from 'bullmq';
import type { JobOf, QueueName } from '../../queues/queue-names';

export type NotifyJob = JobOf<QueueName.Notify>;
export type WebhookJob = Extract<NotifyJob, { deliveryId: string }>;
export type DigestJob = Extract<NotifyJob, { digest: unknown }>;
export type AlertJob = Extract<NotifyJob, { endpointDisabled: unknown }>;

/** Mail jobs: a few retries over ~1 h ride out an SMTP relay restart. */
export const MAIL_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 30_000, jitter: 0.5 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const digestJobId = (orgId: string, jobId: string, windowEnd: number) =>
  `digest_${orgId}_${jobId}_${windowEnd}`;
export const alertJobId = (endpointId: string, disabledAt: Date) =>
  `alert_${endpointId}_${disabledAt.getTime()}`;
