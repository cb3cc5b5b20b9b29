import { findPdfHeader } from '../file-kind';
import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';
import { checkFlateBudget } from './pdf-streams';

/**
 * Byte-level checks of a PDF that need no parser. They see dictionaries written in the clear
 * (trailers, xref-stream dictionaries, uncompressed objects); objects packed in object streams
 * are checked again by the extraction child through pdf.js.
 */
export function preflightPdf(buf: Buffer, maxPages: number = LIMITS.pdf.maxPages): void {
  if (findPdfHeader(buf) < 0) throw parseError(PARSE_ERRORS.UNSUPPORTED_TYPE, 'no %PDF- header');
  const raw = buf.toString('latin1');
  if (raw.lastIndexOf('%%EOF') < 0 || raw.lastIndexOf('startxref') < 0) {
    throw parseError(PARSE_ERRORS.TRUNCATED, 'PDF has no end-of-file marker; it is truncated');
  }
  if (/\/Encrypt\s*(?:<<|\d+\s+\d+\s+R)/.test(raw)) {
    throw parseError(PARSE_ERRORS.ENCRYPTED_PDF, 'PDF is encrypted or password-protected');
  }
  const active = findActiveContent(raw);
  if (active) {
    throw parseError(PARSE_ERRORS.ACTIVE_CONTENT, `PDF contains active content (${active})`, {
      feature: active,
    });
  }
  const pages = countPageObjects(raw);
  if (pages > maxPages) {
    throw parseError(PARSE_ERRORS.TOO_MANY_PAGES, `PDF has ${pages} pages (limit ${maxPages})`, {
      pages,
      maxPages,
    });
  }
  checkFlateBudget(buf, raw);
}

/**
 * JavaScript, launch/submit/import actions, and actions that run on open or on page events.
 * An /OpenAction that is a destination array (LaTeX's hyperref writes one) is harmless.
 */
const ACTIVE_PATTERNS: [RegExp, string][] = [
  [/\/JavaScript(?![A-Za-z])/, 'JavaScript'],
  [/\/JS(?=[\s(<[/])/, 'JavaScript'],
  [/\/S\s*\/Launch(?![A-Za-z])/, 'Launch action'],
  [/\/S\s*\/SubmitForm(?![A-Za-z])/, 'SubmitForm action'],
  [/\/S\s*\/ImportData(?![A-Za-z])/, 'ImportData action'],
  [/\/OpenAction\s*<</, 'OpenAction'],
  [/\/AA\s*<</, 'additional actions'],
  [/\/RichMedia(?![A-Za-z])/, 'RichMedia'],
];

function findActiveContent(raw: string): string | null {
  for (const [re, label] of ACTIVE_PATTERNS) if (re.test(raw)) return label;
  const ref = /\/OpenAction\s+(\d+)\s+(\d+)\s+R/.exec(raw);
  if (ref) {
    // Resolve the referenced object when it is written in the clear: an action dictionary
    // (it has /S) is rejected, a destination array is not.
    const head = new RegExp(`(?:^|\\s)${ref[1]}\\s+${ref[2]}\\s+obj\\b`).exec(raw);
    if (head) {
      const body = raw.slice(head.index, head.index + 4096);
      const end = body.indexOf('endobj');
      if (/^[^]*?obj\s*<<[^]*\/S\s*\//.test(end < 0 ? body : body.slice(0, end)))
        return 'OpenAction';
    }
  }
  return null;
}

/** `/Type /Page` objects written in the clear; a lower bound when object streams are used. */
function countPageObjects(raw: string): number {
  const re = /\/Type\s*\/Page(?![A-Za-z])/g;
  let n = 0;
  while (re.exec(raw)) n++;
  return n;
}
