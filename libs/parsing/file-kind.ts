import { detectTextEncoding } from './preflight/text-decode';
import { isZip, readCentralDirectory } from './preflight/zip-reader';

export type FileKind = 'pdf' | 'docx' | 'txt';

/** pdf.js, like Acrobat, accepts a header anywhere in the first KiB. */
const PDF_HEADER_WINDOW = 1024;

/**
 * Classifies a whole upload (≤ 5 MB) by its bytes alone: `%PDF-`, a zip holding
 * word/document.xml, or text in UTF-8/UTF-16/Windows-1252. Anything else (including legacy .doc,
 * images, executables and zips that are not Word documents) is null.
 */
export function sniffFileKind(buf: Buffer): FileKind | null {
  if (buf.length === 0) return null;
  if (findPdfHeader(buf) >= 0) return 'pdf';
  if (isZip(buf)) return isWordZip(buf) ? 'docx' : null;
  return detectTextEncoding(buf) ? 'txt' : null;
}

export function findPdfHeader(buf: Buffer): number {
  return buf.subarray(0, PDF_HEADER_WINDOW).indexOf('%PDF-', 0, 'latin1');
}

function isWordZip(buf: Buffer): boolean {
  try {
    return readCentralDirectory(buf).some((e) => e.name === 'word/document.xml');
  } catch {
    // A zip that is truncated or corrupt is classified as a zip-shaped docx only when the local
    // header names it, so that preflight can report the precise reason.
    return (
      buf.subarray(0, 200).includes('word/', 0, 'latin1') ||
      buf.includes('[Content_Types].xml', 0, 'latin1')
    );
  }
}
