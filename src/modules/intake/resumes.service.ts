import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';
import { FileStorage } from '../../infra/storage/file-storage';
import { ResumeRecord, ResumeRepository } from '../resumes/resume.repository';
import { fingerprint, IdempotencyStore, StoredResponse } from './idempotency.store';
import { IntakeErrors } from './intake.errors';
import { readMultipart } from './multipart-reader';
import { ResumeIntakeService } from './resume-intake.service';
import { ResumeAccepted, toResumeAccepted } from './resume.dto';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
} as const;

/** Resumes without a job (`POST /resumes`), their profiles and their original files. */
@Injectable()
export class ResumesService {
  constructor(
    private readonly resumes: ResumeRepository,
    private readonly files: FileStorage,
    private readonly intake: ResumeIntakeService,
    private readonly idempotency: IdempotencyStore,
    private readonly config: AppConfig,
  ) {}

  async upload(orgId: string, req: Request, key?: string): Promise<StoredResponse<ResumeAccepted>> {
    const body = await readMultipart(req, {
      maxFileBytes: this.config.UPLOAD_MAX_BYTES,
      maxFiles: 1,
    });
    if (body.tooManyFiles) throw IntakeErrors.tooManyFiles(1);
    const file = body.files[0];
    if (!file) throw IntakeErrors.fileMissing();
    const print = fingerprint('resume', file.sha256, body.fields);
    return this.idempotency.run(orgId, key, print, async () => {
      const { resume, duplicate } = await this.intake.store(orgId, file, {
        externalCandidateId: body.fields.externalCandidateId,
        source: body.fields.source,
      });
      if (!duplicate) await this.intake.enqueueParse(resume);
      return { status: duplicate ? 200 : 202, body: toResumeAccepted(resume, duplicate) };
    });
  }

  async get(orgId: string, id: string): Promise<ResumeRecord> {
    const resume = await this.resumes.findById(orgId, id);
    if (!resume) throw IntakeErrors.resumeNotFound();
    return resume;
  }

  async openFile(
    orgId: string,
    id: string,
  ): Promise<{ stream: Readable; filename: string; contentType: string; size: number }> {
    const resume = await this.get(orgId, id);
    return {
      stream: this.files.openStream(resume.fileId),
      filename: resume.filename,
      contentType: CONTENT_TYPES[resume.kind],
      size: resume.size,
    };
  }
}
