import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobOutcome } from '../../../queues/queue-names';
import { JobRepository } from '../../jobs/job.repository';
import type { DigestJob } from '../notify-jobs';
import { DigestItemRecord, DigestItemRepository } from './digest-item.repository';
import { EmailPreferenceRepository } from './email-preference.repository';
import { DigestCounts, renderDigest } from './email.templates';
import { Mailer } from './mailer';
import { RecipientDirectory } from './recipient-directory';

export function countDigest(
  items: readonly Pick<DigestItemRecord, 'status' | 'label' | 'score'>[],
): DigestCounts {
  const screened = items.filter((i) => i.status === 'screened');
  const scores = screened.map((i) => i.score).filter((s): s is number => typeof s === 'number');
  return {
    screened: screened.length,
    strongFit: screened.filter((i) => i.label === 'strong_fit').length,
    potentialFit: screened.filter((i) => i.label === 'potential_fit').length,
    weakFit: screened.filter((i) => i.label === 'weak_fit').length,
    needsReview: items.filter((i) => i.status === 'needs_review').length,
    failed: items.filter((i) => i.status === 'failed').length,
    ...(scores.length ? { topScore: Math.max(...scores) } : {}),
  };
}

/**
 * Sends one job's digest for one window: claims the waiting items under the job's id (so a
 * retry re-sends the same batch, and items arriving meanwhile wait for the next window), mails
 * each recipient who has not unsubscribed, then marks the batch sent. A crash after mailing
 * and before marking may send the same digest twice; it never drops one.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly items: DigestItemRepository,
    private readonly jobs: JobRepository,
    private readonly directory: RecipientDirectory,
    private readonly preferences: EmailPreferenceRepository,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async send({ orgId, digest }: DigestJob, key: string): Promise<JobOutcome> {
    const batch = await this.items.claim(orgId, digest.jobId, new Date(digest.windowEnd), key);
    if (!batch.length) return JobOutcome.Skipped;
    const job = await this.jobs.findById(orgId, digest.jobId);
    const recipients = await this.directory.digestRecipients(orgId, job?.ownerId);
    const base = this.config.NOTIFY_PUBLIC_BASE_URL.replace(/\/+$/, '');
    const counts = countDigest(batch);
    let sent = 0;
    for (const r of recipients) {
      const prefs = await this.preferences.ensure(orgId, r.userId);
      if (!prefs.digests) continue;
      const unsubscribeUrl = `${base}/notifications/unsubscribe/${prefs.unsubscribeToken}`;
      const mail = renderDigest({
        jobTitle: job?.title ?? `Job ${digest.jobId}`,
        counts,
        shortlistUrl: `${base}/jobs/${digest.jobId}/applications`,
        unsubscribeUrl,
      });
      await this.mailer.send({ ...mail, to: r.email, unsubscribeUrl });
      sent++;
    }
    await this.items.markSent(orgId, digest.jobId, key, new Date());
    if (!sent)
      this.logger.log(
        `digest ${key}: no subscribed recipient with e-mail; ${batch.length} items closed`,
      );
    return sent ? JobOutcome.Done : JobOutcome.Skipped;
  }
}
