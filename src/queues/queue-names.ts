/**
 * The one list of queues and their payloads, imported by producers and processors alike.
 * Payloads carry ids only: resume contents and PII never sit in Redis.
 */
export enum QueueName {
  ResumeParse = 'resume-parse',
  ApplicationScreen = 'application-screen',
  Notify = 'notify',
  Maintenance = 'maintenance',
}

export interface QueuePayloads {
  [QueueName.ResumeParse]: { orgId: string; resumeId: string };
  [QueueName.ApplicationScreen]: { orgId: string; applicationId: string; modelVersion?: string };
  /** One webhook delivery attempt, one per-job e-mail digest, or one "endpoint disabled" alert. */
  [QueueName.Notify]:
    | { orgId: string; deliveryId: string }
    | { orgId: string; digest: { jobId: string; windowEnd: number } }
    | { orgId: string; endpointDisabled: { endpointId: string } };
  [QueueName.Maintenance]:
    | { task: 'rescreen-job'; orgId: string; jobId: string; revision: number }
    | { task: 'rescore'; orgId: string; jobId?: string; modelVersion: string }
    | { task: 'retention' };
}

export type JobOf<Q extends QueueName> = QueuePayloads[Q];

/** Outcome a processor returns for expected, non-retryable situations; errors are thrown instead. */
export enum JobOutcome {
  Done = 'done',
  Skipped = 'skipped',
  NeedsReview = 'needs_review',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
