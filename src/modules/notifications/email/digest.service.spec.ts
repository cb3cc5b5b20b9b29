import type { AppConfig } from '../../../config/app-config';
import { JobOutcome } from '../../../queues/queue-names';
import type { JobRepository } from '../../jobs/job.repository';
import type { DigestItemRepository } from './digest-item.repository';
import { countDigest, DigestService } from './digest.service';
import type { EmailPreferenceRepository } from './email-preference.repository';
import type { Mailer, OutgoingMail } from './mailer';
import type { RecipientDirectory } from './recipient-directory';

const item = (status: string, label?: string, score?: number) =>
  ({ status, label, score }) as never;
const batch = [
  item('screened', 'strong_fit', 91),
  item('screened', 'weak_fit', 20),
  item('screened', 'strong_fit', 77),
  item('needs_review'),
];
const job = { orgId: 'org1', digest: { jobId: 'job1', windowEnd: 1_000 } };

function setup() {
  const mocks = {
    items: { claim: jest.fn(async () => batch), markSent: jest.fn(async () => 4) },
    jobs: { findById: jest.fn(async () => ({ title: 'Backend Engineer', ownerId: 'u1' })) },
    directory: {
      digestRecipients: jest.fn(async () => [{ userId: 'u1', email: 'owner@example.com' }]),
    },
    preferences: { ensure: jest.fn(async () => ({ digests: true, unsubscribeToken: 'tok1' })) },
    mailer: { send: jest.fn(async (_m: OutgoingMail) => undefined) },
  };
  const sut = new DigestService(
    mocks.items as unknown as DigestItemRepository,
    mocks.jobs as unknown as JobRepository,
    mocks.directory as unknown as RecipientDirectory,
    mocks.preferences as unknown as EmailPreferenceRepository,
    mocks.mailer as unknown as Mailer,
    { NOTIFY_PUBLIC_BASE_URL: 'https://api.example.com/' } as AppConfig,
  );
  return { sut, mocks };
}

describe(countDigest.name, () => {
  it('counts outcomes and labels and finds the top score', () => {
    expect(countDigest(batch)).toEqual({
      screened: 3,
      strongFit: 2,
      potentialFit: 0,
      weakFit: 1,
      needsReview: 1,
      failed: 0,
      topScore: 91,
    });
  });
});

describe(DigestService.name, () => {
  it('claims the window under the job key and mails one digest to the job owner', async () => {
    const { sut, mocks } = setup();
    expect(await sut.send(job, 'digest_k')).toBe(JobOutcome.Done);
    expect(mocks.items.claim).toHaveBeenCalledWith('org1', 'job1', new Date(1_000), 'digest_k');
    expect(mocks.directory.digestRecipients).toHaveBeenCalledWith('org1', 'u1');
    expect(mocks.mailer.send).toHaveBeenCalledTimes(1);
    const mail = mocks.mailer.send.mock.calls[0][0];
    expect(mail.to).toBe('owner@example.com');
    expect(mail.subject).toBe(
      'Backend Engineer: 3 new applications screened, 2 strong fits; 1 application needs review',
    );
    expect(mail.unsubscribeUrl).toBe('https://api.example.com/notifications/unsubscribe/tok1');
    expect(mail.text).toContain('https://api.example.com/jobs/job1/applications');
    expect(mocks.items.markSent).toHaveBeenCalledWith('org1', 'job1', 'digest_k', expect.any(Date));
  });

  it('skips people who unsubscribed but still closes the batch', async () => {
    const { sut, mocks } = setup();
    mocks.preferences.ensure.mockResolvedValue({ digests: false, unsubscribeToken: 't' });
    expect(await sut.send(job, 'k')).toBe(JobOutcome.Skipped);
    expect(mocks.mailer.send).not.toHaveBeenCalled();
    expect(mocks.items.markSent).toHaveBeenCalled();
  });

  it('does nothing for an empty window', async () => {
    const { sut, mocks } = setup();
    mocks.items.claim.mockResolvedValue([]);
    expect(await sut.send(job, 'k')).toBe(JobOutcome.Skipped);
    expect(mocks.jobs.findById).not.toHaveBeenCalled();
  });

  it('leaves the batch unsent when SMTP fails, so the retried job sends it', async () => {
    const { sut, mocks } = setup();
    mocks.mailer.send.mockRejectedValue(new Error('421 try later'));
    await expect(sut.send(job, 'k')).rejects.toThrow('421');
    expect(mocks.items.markSent).not.toHaveBeenCalled();
  });
});
