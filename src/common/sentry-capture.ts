import * as Sentry from '@sentry/nestjs';

/** The parts of a BullMQ job that identify it; its `data` is never read (it may hold PII). */
export interface JobIdentity {
  id?: string;
  name: string;
  queueName: string;
  attemptsMade: number;
  opts: { attempts?: number };
}

/**
 * Reports a processor failure to Sentry, tagged with the queue and job id so an event leads
 * straight to the job (and its deterministic application id). A failure that will be retried is
 * a `warning`; the last attempt is an `error`. A no-op when Sentry is not initialised (no DSN).
 */
export function captureJobFailure(job: JobIdentity | undefined, err: Error): void {
  const attempts = job?.opts.attempts ?? 1;
  const final = !job || job.attemptsMade >= attempts;
  Sentry.withScope((scope) => {
    scope.setLevel(final ? 'error' : 'warning');
    scope.setTag('queue', job?.queueName ?? 'unknown');
    scope.setTag('job_id', job?.id ?? 'unknown');
    scope.setTag('job_final_attempt', String(final));
    if (job) {
      scope.setContext('job', {
        id: job.id,
        name: job.name,
        queue: job.queueName,
        attemptsMade: job.attemptsMade,
        attempts,
      });
    }
    Sentry.captureException(err);
  });
}
