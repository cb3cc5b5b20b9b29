import { DomainError, type ErrorKind } from '../common/errors';

/**
 * Stable error codes of the parsing library. Clients and the upload endpoint switch on these, so
 * never rename one; add new codes instead. The kind picks the HTTP status family.
 */
export const PARSE_ERRORS = {
  /** Not a PDF, DOCX or text file by its bytes (the extension is never trusted). */
  UNSUPPORTED_TYPE: 'PARSE.UNSUPPORTED_TYPE',
  EMPTY_FILE: 'PARSE.EMPTY_FILE',
  FILE_TOO_LARGE: 'PARSE.FILE_TOO_LARGE',
  ENCRYPTED_PDF: 'PARSE.ENCRYPTED_PDF',
  /** Missing `%%EOF`/`startxref`, or a zip without its central directory. */
  TRUNCATED: 'PARSE.TRUNCATED',
  /** PDF with JavaScript, a launch/submit action or an action run on open. */
  ACTIVE_CONTENT: 'PARSE.ACTIVE_CONTENT',
  TOO_MANY_PAGES: 'PARSE.TOO_MANY_PAGES',
  MALFORMED_PDF: 'PARSE.MALFORMED_PDF',
  /** A zip whose declared or actual inflated size, ratio or entry count is out of bounds. */
  ZIP_BOMB: 'PARSE.ZIP_BOMB',
  /** A PDF whose compressed streams inflate beyond the budget (flate bomb). */
  COMPRESSION_BOMB: 'PARSE.COMPRESSION_BOMB',
  /** A zip that is not a Word document (no word/document.xml), or is corrupt. */
  NOT_DOCX: 'PARSE.NOT_DOCX',
  MACRO_ENABLED: 'PARSE.MACRO_ENABLED',
  /** A DTD or entity declaration inside an OOXML part (billion laughs, XXE). */
  XML_DTD: 'PARSE.XML_DTD',
  /** A relationship that points at a local file or a non-web URL (r:link, r:id, attachedTemplate). */
  EXTERNAL_REFERENCE: 'PARSE.EXTERNAL_REFERENCE',
  BINARY_TEXT: 'PARSE.BINARY_TEXT',
  TEXT_TOO_LARGE: 'PARSE.TEXT_TOO_LARGE',
  LINE_TOO_LONG: 'PARSE.LINE_TOO_LONG',
  /** The extractor exceeded its time limit and was killed. */
  TIMEOUT: 'PARSE.TIMEOUT',
  /** The extractor exceeded its memory cap and was killed. */
  RESOURCE_LIMIT: 'PARSE.RESOURCE_LIMIT',
  /** The extractor failed for a reason not covered above (crash, unreadable structure). */
  EXTRACTION_FAILED: 'PARSE.EXTRACTION_FAILED',
} as const;

export type ParseErrorCode = (typeof PARSE_ERRORS)[keyof typeof PARSE_ERRORS];

const KIND: Record<ParseErrorCode, ErrorKind> = {
  'PARSE.UNSUPPORTED_TYPE': 'unsupported_media',
  'PARSE.EMPTY_FILE': 'validation',
  'PARSE.FILE_TOO_LARGE': 'too_large',
  'PARSE.ENCRYPTED_PDF': 'validation',
  'PARSE.TRUNCATED': 'validation',
  'PARSE.ACTIVE_CONTENT': 'validation',
  'PARSE.TOO_MANY_PAGES': 'too_large',
  'PARSE.MALFORMED_PDF': 'validation',
  'PARSE.ZIP_BOMB': 'too_large',
  'PARSE.COMPRESSION_BOMB': 'too_large',
  'PARSE.NOT_DOCX': 'unsupported_media',
  'PARSE.MACRO_ENABLED': 'validation',
  'PARSE.XML_DTD': 'validation',
  'PARSE.EXTERNAL_REFERENCE': 'validation',
  'PARSE.BINARY_TEXT': 'unsupported_media',
  'PARSE.TEXT_TOO_LARGE': 'too_large',
  'PARSE.LINE_TOO_LONG': 'validation',
  'PARSE.TIMEOUT': 'too_large',
  'PARSE.RESOURCE_LIMIT': 'too_large',
  'PARSE.EXTRACTION_FAILED': 'validation',
};

export function parseError(
  code: ParseErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(code, message, KIND[code], details);
}

export const isParseErrorCode = (code: string): code is ParseErrorCode => code in KIND;
