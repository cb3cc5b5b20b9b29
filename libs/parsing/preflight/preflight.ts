import type { FileKind } from '../file-kind';
import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';
import { preflightDocx } from './docx-preflight';
import { preflightPdf } from './pdf-preflight';
import { preflightText } from './text-preflight';

/**
 * Cheap synchronous safety checks, run by the upload endpoint before it stores a file and again
 * by the parser. Throws a DomainError with a PARSE.* code; returns normally when the file may be
 * handed to an extractor.
 */
export function preflightFile(buf: Buffer, kind: FileKind): void {
  if (buf.length === 0) throw parseError(PARSE_ERRORS.EMPTY_FILE, 'file is empty');
  if (buf.length > LIMITS.maxFileBytes) {
    throw parseError(PARSE_ERRORS.FILE_TOO_LARGE, `file has ${buf.length} bytes`, {
      bytes: buf.length,
      limit: LIMITS.maxFileBytes,
    });
  }
  if (kind === 'pdf') preflightPdf(buf);
  else if (kind === 'docx') preflightDocx(buf);
  else preflightText(buf);
}
