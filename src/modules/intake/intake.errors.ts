import { DomainError } from '../../../libs/common/errors';

/** Stable codes of the upload endpoints. */
export const IntakeErrors = {
  notMultipart: () =>
    new DomainError(
      'RESUME.NOT_MULTIPART',
      'Send the resume as multipart/form-data with a "file" field.',
      'unsupported_media',
    ),
  fileMissing: () =>
    new DomainError(
      'RESUME.FILE_MISSING',
      'The request has no "file" field with a file in it.',
      'validation',
    ),
  tooManyFiles: (max: number) =>
    new DomainError(
      'RESUME.TOO_MANY_FILES',
      `Send at most ${max} file(s) in this request.`,
      'validation',
      { max },
    ),
  empty: () => new DomainError('RESUME.EMPTY_FILE', 'The file is empty.', 'validation'),
  tooLarge: (max: number) =>
    new DomainError('RESUME.TOO_LARGE', `The file exceeds the ${max}-byte limit.`, 'too_large', {
      maxBytes: max,
    }),
  unsupportedType: () =>
    new DomainError(
      'RESUME.UNSUPPORTED_TYPE',
      'Only PDF, DOCX and plain-text resumes are accepted (checked from the file content).',
      'unsupported_media',
    ),
  typeMismatch: (ext: string, actual: string) =>
    new DomainError(
      'RESUME.TYPE_MISMATCH',
      `The file is named .${ext} but its content is ${actual}; rename it or send the right file.`,
      'unsupported_media',
      { extension: ext, detected: actual },
    ),
  malformed: (message: string) => new DomainError('RESUME.MALFORMED_UPLOAD', message, 'validation'),
  jobNotFound: () => new DomainError('JOB.NOT_FOUND', 'No such job.', 'not_found'),
  jobNotOpen: (status: string) =>
    new DomainError(
      'JOB.NOT_OPEN',
      `The job is ${status}; it accepts no applications.`,
      'conflict',
      { status },
    ),
  resumeNotFound: () => new DomainError('RESUME.NOT_FOUND', 'No such resume.', 'not_found'),
  applicationNotFound: () =>
    new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found'),
  idempotencyConflict: () =>
    new DomainError(
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used with a different request body.',
      'conflict',
    ),
  notRetryable: (status: string) =>
    new DomainError(
      'APPLICATION.NOT_RETRYABLE',
      `Only failed applications can be retried; this one is ${status}.`,
      'conflict',
      { status },
    ),
};
