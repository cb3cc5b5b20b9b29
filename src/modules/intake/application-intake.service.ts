import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isDomainError } from '../../../libs/common/errors';
import { AppConfig } from '../../config/app-config';
import { ApplicationRecord, ApplicationRepository } from '../applications/application.repository';
import { ScreenEnqueuer } from '../applications/screen-enqueuer';
import { JobRepository } from '../jobs/job.repository';
import { ResumeRecord, ResumeRepository } from '../resumes/resume.repository';
import { fingerprint, IdempotencyStore, StoredResponse } from './idempotency.store';
import { IntakeErrors } from './intake.errors';
import { readMultipart, ReceivedFile } from './multipart-reader';
import { ResumeIntakeService } from './resume-intake.service';
import { ApplicationAccepted, BatchResult, toAccepted } from './intake.dto';
import { unparseableReason } from '../resumes/unparseable';

interface PortalMeta {
  externalCandidateId?: string;
  source?: string;
  consent?: Record<string, boolean>;
  optOutAutomated: boolean;
}

/** Fields a portal may send beside the file; anything else is ignored. */
function portalMeta(fields: Record<string, unknown>): PortalMeta {
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);
  let consent: Record<string, boolean> | undefined;
  if (typeof fields.consent === 'string') {
    try {
      const parsed = JSON.parse(fields.consent) as Record<string, unknown>;
      consent = Object.fromEntries(
        Object.entries(parsed).filter(([, v]) => typeof v === 'boolean'),
      ) as Record<string, boolean>;
    } catch {
      throw IntakeErrors.malformed('"consent" must be a JSON object of boolean flags.');
    }
  }
  return {
    externalCandidateId: str(fields.externalCandidateId),
    source: str(fields.source),
    consent,
    optOutAutomated: consent?.automatedScreening === false,
  };
}

/** Creates applications (resume × job) from uploads or stored resumes, and queues their work. */
@Injectable()
export class ApplicationIntakeService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly resumes: ResumeRepository,
    private readonly applications: ApplicationRepository,
    private readonly intake: ResumeIntakeService,
    private readonly screens: ScreenEnqueuer,
    private readonly idempotency: IdempotencyStore,
    private readonly config: AppConfig,
  ) {}

  private async openJob(orgId: string, jobId: string) {
    const job = await this.jobs.findById(orgId, jobId);
    if (!job) throw IntakeErrors.jobNotFound();
    if (job.status !== 'open') throw IntakeErrors.jobNotOpen(job.status);
    return job;
  }

  /** `POST /jobs/:jobId/applications`: one multipart file, or JSON `{ resumeId }`. */
  async apply(
    orgId: string,
    jobId: string,
    req: Request,
    key?: string,
  ): Promise<StoredResponse<ApplicationAccepted>> {
    await this.openJob(orgId, jobId);
    if (/^application\/json/i.test(req.headers['content-type'] ?? '')) {
      const resumeId = (req.body as { resumeId?: unknown })?.resumeId;
      if (typeof resumeId !== 'string')
        throw IntakeErrors.malformed('Send JSON { "resumeId": "<id>" } or a multipart file.');
      const print = fingerprint('apply-existing', jobId, resumeId);
      return this.idempotency.run(orgId, key, print, async () => {
        const resume = await this.resumes.findById(orgId, resumeId);
        if (!resume) throw IntakeErrors.resumeNotFound();
        return this.attach(orgId, jobId, resume, { optOutAutomated: false }, true);
      });
    }
    const body = await readMultipart(req, {
      maxFileBytes: this.config.UPLOAD_MAX_BYTES,
      maxFiles: 1,
    });
    if (body.tooManyFiles) throw IntakeErrors.tooManyFiles(1);
    const file = body.files[0];
    if (!file || (!file.bytes.length && !file.error && file.filename === 'resume'))
      throw IntakeErrors.fileMissing();
    const meta = portalMeta(body.fields);
    const print = fingerprint('apply', jobId, file.sha256, body.fields);
    return this.idempotency.run(orgId, key, print, async () => {
      const stored = await this.intake.store(orgId, file, meta);
      return this.attach(orgId, jobId, stored.resume, meta, stored.duplicate);
    });
  }

  /** `POST /jobs/:jobId/applications/batch`: each file is accepted or rejected on its own. */
  async applyBatch(orgId: string, jobId: string, req: Request): Promise<BatchResult> {
    await this.openJob(orgId, jobId);
    const max = this.config.UPLOAD_MAX_FILES;
    const body = await readMultipart(req, {
      maxFileBytes: this.config.UPLOAD_MAX_BYTES,
      maxFiles: max,
    });
    if (!body.files.length) throw IntakeErrors.fileMissing();
    const meta = portalMeta(body.fields);
    const results: BatchResult['results'] = [];
    for (const file of body.files) results.push(await this.batchItem(orgId, jobId, file, meta));
    if (body.tooManyFiles) {
      const e = IntakeErrors.tooManyFiles(max);
      results.push({
        filename: '(files beyond the limit)',
        outcome: 'rejected',
        error: { code: e.code, message: e.message },
      });
    }
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    return {
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      results,
    };
  }

  private async batchItem(orgId: string, jobId: string, file: ReceivedFile, meta: PortalMeta) {
    try {
      const stored = await this.intake.store(orgId, file, meta);
      const { status, body } = await this.attach(
        orgId,
        jobId,
        stored.resume,
        meta,
        stored.duplicate,
      );
      return {
        filename: file.filename,
        outcome: status === 200 ? ('duplicate' as const) : ('accepted' as const),
        application: body,
      };
    } catch (err) {
      if (!isDomainError(err)) throw err;
      return {
        filename: file.filename,
        outcome: 'rejected' as const,
        error: { code: err.code, message: err.message },
      };
    }
  }

  /** Links a stored resume to the job; the same pair returns the existing application (200). */
  private async attach(
    orgId: string,
    jobId: string,
    resume: ResumeRecord,
    meta: PortalMeta,
    duplicate: boolean,
  ) {
    const resumeId = String(resume._id);
    const existing = await this.applications.findByJobAndResume(orgId, jobId, resumeId);
    if (existing) return { status: 200, body: toAccepted(existing, true) };
    let app: ApplicationRecord;
    try {
      app = await this.applications.create(
        { orgId, jobId, resumeId, ...meta },
        'queued',
        'waiting for processing',
      );
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const raced = await this.applications.findByJobAndResume(orgId, jobId, resumeId);
      if (!raced) throw err;
      return { status: 200, body: toAccepted(raced, true) };
    }
    await this.dispatch(app, resume);
    return { status: 202, body: toAccepted(app, duplicate) };
  }

  private async dispatch(app: ApplicationRecord, resume: ResumeRecord): Promise<void> {
    const unparseable = unparseableReason(resume);
    if (resume.parseStatus === 'parsed') {
      await this.screens.enqueue(app);
    } else if (unparseable) {
      await this.applications.transition(app.orgId, String(app._id), 'needs_review', unparseable);
    } else {
      await this.intake.enqueueParse(resume);
    }
  }

  async get(orgId: string, id: string): Promise<ApplicationRecord> {
    const app = await this.applications.findById(orgId, id);
    if (!app) throw IntakeErrors.applicationNotFound();
    return app;
  }

  /** `POST /applications/:id/retry`: a failed application goes back to the queue. */
  async retry(orgId: string, id: string): Promise<ApplicationRecord> {
    const app = await this.get(orgId, id);
    if (app.status !== 'failed') throw IntakeErrors.notRetryable(app.status);
    const retries = await this.applications.incrementRetries(orgId, id);
    await this.applications.transition(orgId, id, 'queued', 'manual retry', ['failed'], {
      failureReason: undefined,
    });
    const resume = await this.resumes.findById(orgId, app.resumeId);
    if (!resume) throw IntakeErrors.resumeNotFound();
    if (resume.parseStatus === 'failed') {
      await this.resumes.setParseStatus(orgId, app.resumeId, 'pending');
      await this.intake.forgetParseJob(app.resumeId); // its failed job would block the same id
    }
    const fresh = { ...app, retries: retries ?? app.retries + 1, status: 'queued' as const };
    await (resume.parseStatus === 'parsed'
      ? this.screens.enqueue(fresh)
      : this.intake.enqueueParse(resume));
    return (await this.applications.findById(orgId, id)) as ApplicationRecord;
  }
}
