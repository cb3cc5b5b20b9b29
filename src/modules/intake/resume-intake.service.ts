import { Injectable } from '@nestjs/common';
import { preflightFile, sniffFileKind } from '../../../libs/parsing';
import { isDomainError } from '../../../libs/common/errors';
import { uploadBytes, uploadsTotal } from '../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../config/app-config';
import { FileStorage } from '../../infra/storage/file-storage';
import { QueueName } from '../../queues/queue-names';
import { parseJobId, QueueProducer } from '../../queues/queue-producer';
import { ResumeRecord, ResumeRepository } from '../resumes/resume.repository';
import { extensionOf } from './filename';
import { IntakeErrors } from './intake.errors';
import { ReceivedFile } from './multipart-reader';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
};
/** Extensions a name may carry for each detected kind; no extension at all is accepted too. */
const EXTENSIONS: Record<string, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  txt: ['txt', 'text', 'md'],
};

export interface StoredResume {
  resume: ResumeRecord;
  duplicate: boolean;
}

/** Validates one received file by content and stores it once per org (GridFS + resumes). */
@Injectable()
export class ResumeIntakeService {
  constructor(
    private readonly resumes: ResumeRepository,
    private readonly files: FileStorage,
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {}

  /** Throws a DomainError with a stable code for anything that is not a safe resume. */
  validate(file: ReceivedFile): 'pdf' | 'docx' | 'txt' {
    if (file.error) throw file.error;
    if (file.bytes.length === 0) throw IntakeErrors.empty();
    if (file.bytes.length > this.config.UPLOAD_MAX_BYTES) {
      throw IntakeErrors.tooLarge(this.config.UPLOAD_MAX_BYTES);
    }
    const kind = sniffFileKind(file.bytes);
    if (!kind) throw IntakeErrors.unsupportedType();
    // Content checks first, so a hostile file is named for what it is (e.g. macros in a .docm).
    preflightFile(file.bytes, kind);
    const ext = extensionOf(file.filename);
    if (ext && !EXTENSIONS[kind].includes(ext)) throw IntakeErrors.typeMismatch(ext, kind);
    return kind;
  }

  /** Durably stores the file (or finds the same bytes already stored) before anything is queued. */
  async store(
    orgId: string,
    file: ReceivedFile,
    meta: { externalCandidateId?: string; source?: string },
  ) {
    try {
      const stored = await this.storeValid(orgId, file, meta);
      uploadsTotal().inc({ outcome: stored.duplicate ? 'duplicate' : 'accepted' });
      if (!stored.duplicate) uploadBytes().inc(file.bytes.length);
      return stored;
    } catch (err) {
      uploadsTotal().inc({ outcome: isDomainError(err) ? err.code : 'error' });
      throw err;
    }
  }

  private async storeValid(
    orgId: string,
    file: ReceivedFile,
    meta: { externalCandidateId?: string; source?: string },
  ): Promise<StoredResume> {
    const kind = this.validate(file);
    const existing = await this.resumes.findBySha(orgId, file.sha256);
    if (existing) return { resume: existing, duplicate: true };
    const fileId = await this.files.save(file.bytes, {
      orgId,
      filename: file.filename,
      contentType: MIME[kind],
      sha256: file.sha256,
    });
    const { resume, created } = await this.resumes.insertOrGet({
      orgId,
      fileId,
      sha256: file.sha256,
      filename: file.filename,
      kind,
      size: file.bytes.length,
      externalCandidateId: meta.externalCandidateId,
      source: meta.source,
    });
    if (!created) await this.files.delete(fileId); // lost a race to identical bytes
    return { resume, duplicate: !created };
  }

  async forgetParseJob(resumeId: string): Promise<void> {
    await this.producer.remove(QueueName.ResumeParse, parseJobId(resumeId));
  }

  /** Queues parsing; false means Redis was unreachable and the outbox will do it. */
  enqueueParse(resume: ResumeRecord): Promise<boolean> {
    const resumeId = String(resume._id);
    return this.producer.add(QueueName.ResumeParse, parseJobId(resumeId), {
      orgId: resume.orgId,
      resumeId,
    });
  }
}
