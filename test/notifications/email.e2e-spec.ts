import type { INestApplication } from '@nestjs/common';
import { Types } from 'mongoose';
import request from 'supertest';
import { applicationEvent } from '../../src/modules/notifications/application-events';
import { DigestItemRepository } from '../../src/modules/notifications/email/digest-item.repository';
import { DigestScheduler } from '../../src/modules/notifications/email/digest.scheduler';
import { EventPublisher } from '../../src/modules/notifications/event-publisher';
import { tokenFor } from '../helpers/auth';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { createJob, textResume, upload, waitForStatus } from '../intake/intake-helpers';
import {
  auth,
  closeJob,
  createWebhook,
  endpoint,
  FAST_WEBHOOKS,
  seedUser,
  tenant,
  waitForDeliveries,
} from './notify-helpers';
import { SmtpCapture } from './smtp-capture';
import { WebhookReceiver } from './webhook-receiver';

const HOUR = 3_600_000;

/** E-mail through nodemailer to a real SMTP server (smtp-server) started by the test. */
describe('e-mail digests and alerts over SMTP', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let worker: INestApplication;
  let smtp: SmtpCapture;
  let receiver: WebhookReceiver;
  let n = 0;
  const email = (who: string) => `${who}-${process.pid}-${++n}@example.com`;

  let flushes = 0;
  /** Ends a digest window now instead of waiting for the hourly timer (a later one each call). */
  const flushDigests = () => worker.get(DigestScheduler).tick(Date.now() + HOUR * ++flushes);

  /** A job owned by an SSO user with a mailbox (the owner is the creating principal). */
  async function ownedJob(title = 'Senior Backend Engineer') {
    const t = await tenant(api);
    const ownerEmail = email('owner');
    const ownerId = await seedUser(api, t.orgId, ownerEmail, ['recruiter']);
    const ownerToken = await tokenFor(api, t.orgId, ['recruiter'], { sub: ownerId, kind: 'user' });
    const { id: jobId } = await createJob(api, ownerToken, { title });
    return { ...t, ownerEmail, ownerToken, jobId };
  }

  async function screened(orgId: string, jobId: string, label: string, score: number) {
    const app = {
      _id: new Types.ObjectId(),
      orgId,
      jobId,
      resumeId: new Types.ObjectId().toHexString(),
    };
    await worker.get(EventPublisher).publish(
      applicationEvent('application.screened', app, {
        score,
        label,
        modelVersion: 'v1',
        jobRevision: 1,
      }),
    );
  }

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    smtp = await new SmtpCapture().start();
    receiver = await new WebhookReceiver().start();
    const env = {
      ...FAST_WEBHOOKS,
      WEBHOOK_DISABLE_AFTER_FAILURES: '3',
      REDIS_URL: redis.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Resume Screener <screener@example.com>',
      NOTIFY_DIGEST_INTERVAL_SECONDS: '3600',
    };
    api = await createTestApp(env);
    worker = await createTestWorker(env);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.stop();
    await smtp?.stop();
    await redis?.stop();
  });

  it('batches a job’s screened applications into one digest to the job owner', async () => {
    const job = await ownedJob();
    const labels = [
      ...Array(3).fill('strong_fit'),
      ...Array(5).fill('potential_fit'),
      ...Array(4).fill('weak_fit'),
    ];
    for (const [i, label] of labels.entries())
      await screened(job.orgId, job.jobId, label, 90 - i * 5);
    const review = {
      _id: new Types.ObjectId(),
      orgId: job.orgId,
      jobId: job.jobId,
      resumeId: 'r-review',
    };
    await worker
      .get(EventPublisher)
      .publish(applicationEvent('application.needs_review', review, { reason: 'opted out' }));

    expect(await flushDigests()).toBeGreaterThanOrEqual(1);
    await eventually(async () => smtp.to(job.ownerEmail).length > 0, 'the digest e-mail');
    const mails = smtp.to(job.ownerEmail);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual([job.ownerEmail]);
    expect(mail.from).toBe('screener@example.com');
    expect(mail.subject).toBe(
      'Senior Backend Engineer: 12 new applications screened, 3 strong fits; 1 application needs review',
    );
    for (const s of [
      '3 strong fits',
      '5 potential fits',
      '4 weak fits',
      'Top score: 90.0',
      `https://screener.example.com/jobs/${job.jobId}/applications`,
    ]) {
      expect(mail.text).toContain(s);
    }
    expect(mail.html).toContain('<li>3 strong fits</li>');
    expect(mail.headers['list-unsubscribe']).toMatch(
      /^<https:\/\/screener\.example\.com\/notifications\/unsubscribe\/[\w-]{43}>/,
    );
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).not.toContain(String(review._id));
  });

  it('stops digests for a user who used the one-click unsubscribe link, until they opt back in', async () => {
    const job = await ownedJob('Data Analyst');
    await screened(job.orgId, job.jobId, 'strong_fit', 88);
    await flushDigests();
    await eventually(async () => smtp.to(job.ownerEmail).length === 1, 'first digest');
    const link = new URL(
      /<([^>]+)>/.exec(smtp.to(job.ownerEmail)[0].headers['list-unsubscribe'])![1],
    );

    const page = await request(api.getHttpServer()).get(link.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    const prefs = () =>
      request(api.getHttpServer()).get('/notifications/preferences').set(auth(job.ownerToken));
    expect((await prefs()).body).toEqual({ digests: true });

    const post = await request(api.getHttpServer())
      .post(link.pathname)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(post.status).toBe(200);
    expect((await prefs()).body).toEqual({ digests: false });
    expect(
      (await request(api.getHttpServer()).post('/notifications/unsubscribe/' + 'x'.repeat(43)))
        .status,
    ).toBe(404);

    await screened(job.orgId, job.jobId, 'weak_fit', 12);
    await flushDigests();
    const items = worker.get(DigestItemRepository);
    await eventually(
      async () => (await items.count(job.orgId, { jobId: job.jobId, sentAt: null })) === 0,
      'second batch closed',
    );
    expect(smtp.to(job.ownerEmail)).toHaveLength(1);

    const resubscribe = await request(api.getHttpServer())
      .put('/notifications/preferences')
      .set(auth(job.ownerToken))
      .send({ digests: true });
    expect(resubscribe.body).toEqual({ digests: true });
  });

  it('sends the digest of a job created by a service client to the org admins', async () => {
    const t = await tenant(api);
    const adminEmail = email('admin');
    await seedUser(api, t.orgId, adminEmail, ['admin']);
    const { id: jobId } = await createJob(api, t.recruiter, { title: 'Site Reliability Engineer' });
    await screened(t.orgId, jobId, 'potential_fit', 61);
    await flushDigests();
    await eventually(async () => smtp.to(adminEmail).length === 1, 'digest to the admin');
    expect(smtp.to(adminEmail)[0].subject).toBe(
      'Site Reliability Engineer: 1 new application screened, 0 strong fits',
    );
  });

  it('disables an endpoint after repeated failures and e-mails the org admins', async () => {
    const t = await tenant(api);
    const adminEmail = email('admin');
    const recruiterEmail = email('recruiter');
    await seedUser(api, t.orgId, adminEmail, ['admin']);
    await seedUser(api, t.orgId, recruiterEmail, ['recruiter']);
    receiver.script('/down', 500, 503, 500, 500, 500);
    const hook = await createWebhook(api, t.admin, `${receiver.url}/down`);
    await closeJob(api, t.recruiter);

    const [dead] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'dead',
      'dead letter',
    );
    expect(dead).toMatchObject({
      attemptCount: 3,
      deadReason: 'endpoint disabled after repeated failures',
    });
    expect(await endpoint(api, t.admin, hook.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'failing',
      consecutiveFailures: 3,
    });

    await eventually(async () => smtp.to(adminEmail).length === 1, 'alert to the admin');
    const alert = smtp.to(adminEmail)[0];
    expect(alert.subject).toBe(`Webhook endpoint disabled: ${receiver.url}/down`);
    expect(alert.text).toContain('3 consecutive failures');
    expect(alert.text).toContain(`/webhooks/${hook.id}/deliveries?status=dead`);
    expect(smtp.to(recruiterEmail)).toHaveLength(0);
  });

  it('mails a digest of what the real pipeline emitted for an upload', async () => {
    const job = await ownedJob('Platform Engineer');
    const cv = textResume(`digest-${process.pid}`);
    const res = await upload(api, job.ownerToken, job.jobId, cv, 'cv.txt');
    expect(res.status).toBe(202);
    const terminal = ['screened', 'needs_review', 'failed'];
    const done = await waitForStatus(api, job.ownerToken, res.body.applicationId, terminal, 90_000);
    await flushDigests();
    await eventually(async () => smtp.to(job.ownerEmail).length === 1, 'digest for the real run');
    // The digest reports whatever outcome the screening pipeline produced for the upload.
    const expected: Record<string, RegExp> = {
      screened: /^Platform Engineer: 1 new application screened, [01] strong fits?$/,
      needs_review: /^Platform Engineer: 1 application needs review$/,
      failed: /^Platform Engineer: 1 application could not be screened$/,
    };
    expect(smtp.to(job.ownerEmail)[0].subject).toMatch(expected[done.status]);
  });
});
