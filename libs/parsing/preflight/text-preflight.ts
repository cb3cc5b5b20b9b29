import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';
import { decodeText, detectTextEncoding } from './text-decode';

/** Decodes a text upload or throws BINARY_TEXT / TEXT_TOO_LARGE / LINE_TOO_LONG. */
export function preflightText(buf: Buffer): string {
  if (buf.length > LIMITS.maxTextFileBytes) {
    throw parseError(PARSE_ERRORS.TEXT_TOO_LARGE, `text file has ${buf.length} bytes`, {
      bytes: buf.length,
      limit: LIMITS.maxTextFileBytes,
    });
  }
  const encoding = detectTextEncoding(buf);
  if (!encoding)
    throw parseError(PARSE_ERRORS.BINARY_TEXT, 'file is not text in UTF-8, UTF-16 or Latin-1');
  const text = decodeText(buf, encoding);
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) {
      if (i - lineStart > LIMITS.maxLineChars) {
        throw parseError(PARSE_ERRORS.LINE_TOO_LONG, `a line has ${i - lineStart} characters`);
      }
      lineStart = i + 1;
    }
  }
  return text;
}
