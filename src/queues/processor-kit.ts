import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { stageDuration } from '../common/metrics/pipeline-metrics';
import { captureJobFailure } from '../common/sentry-capture';
import type { JobOutcome } from './queue-names';

/** Runs a processor's work under the stage-duration histogram, labelled by outcome. */
export async function timedStage(
  stage: string,
  work: () => Promise<JobOutcome>,
): Promise<JobOutcome> {
  const end = stageDuration().startTimer({ stage });
  try {
    const outcome = await work();
    end({ outcome });
    return outcome;
  } catch (err) {
    end({ outcome: 'error' });
    throw err;
  }
}

/**
 * A processor's `failed` handler: reports every failed attempt, and after the last one records
 * the reason on the application (retry is then manual) through `markFailed`.
 */
export async function handleFailedAttempt<T>(
  logger: Logger,
  what: string,
  job: Job<T> | undefined,
  err: Error,
  markFailed: (data: T, reason: string) => Promise<void>,
): Promise<void> {
  captureJobFailure(job, err);
  if (!job) return;
  logger.warn(
    { err, jobId: job.id, attempt: job.attemptsMade },
    `job ${job.id} attempt ${job.attemptsMade} failed`,
  );
  if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
  await markFailed(
    job.data,
    `${what} failed after ${job.attemptsMade} attempts: ${err.message}`,
  ).catch((e: Error) => logger.error(`could not record failure of ${job.id}: ${e.message}`));
}
