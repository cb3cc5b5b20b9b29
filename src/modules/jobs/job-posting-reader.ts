import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../../libs/common/errors';
import { extractText, normalizeText, preflightFile, sniffFileKind } from '../../../libs/parsing';
import { parseJobPosting } from '../../../libs/scoring';
import type { JobRequirements } from '../../../libs/scoring/job.types';
import { AppConfig } from '../../config/app-config';
import { IntakeErrors } from '../intake/intake.errors';
import { readMultipart } from '../intake/multipart-reader';

/**
 * Reads an uploaded job posting (PDF, DOCX, Markdown or text) and extracts its requirements.
 * Extraction runs in the parser's killable child process, never in the API's event loop.
 */
@Injectable()
export class JobPostingReader {
  constructor(private readonly config: AppConfig) {}

  async read(req: Request): Promise<JobRequirements & { sourceFile: string }> {
    const body = await readMultipart(req, {
      maxFileBytes: this.config.UPLOAD_MAX_BYTES,
      maxFiles: 1,
    });
    if (body.tooManyFiles) throw IntakeErrors.tooManyFiles(1);
    const file = body.files[0];
    if (!file) throw IntakeErrors.fileMissing();
    if (file.error) throw file.error;
    if (!file.bytes.length) throw IntakeErrors.empty();
    const kind = sniffFileKind(file.bytes);
    if (!kind) {
      throw new DomainError(
        'JOB.UNSUPPORTED_FILE',
        'A job posting must be a PDF, DOCX, Markdown or text file.',
        'unsupported_media',
      );
    }
    preflightFile(file.bytes, kind);
    const { text } = await extractText(file.bytes, kind);
    const clean = normalizeText(text);
    if (clean.trim().length < 20) {
      throw new DomainError(
        'JOB.EMPTY_POSTING',
        'No readable text was found in the posting.',
        'validation',
      );
    }
    return {
      ...parseJobPosting(clean),
      description: clean.slice(0, 20000),
      sourceFile: file.filename,
    };
  }
}
