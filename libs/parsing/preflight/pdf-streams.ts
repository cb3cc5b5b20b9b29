import { inflateSync } from 'node:zlib';
import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';

/**
 * Inflates every FlateDecode stream of a PDF under a size budget, so that a flate bomb is refused
 * at upload instead of exhausting the extractor. Streams that fail to inflate for other reasons
 * are left to pdf.js, which recovers from many broken files.
 */
export function checkFlateBudget(buf: Buffer, raw: string): void {
  let total = 0;
  for (const s of pdfStreams(raw)) {
    if (!isFlate(s.head)) continue;
    total += inflatedSize(buf.subarray(s.start, s.end), LIMITS.pdf.maxTotalStreamBytes - total);
  }
}

export interface PdfStream {
  /** Up to 2 KB of the object before the `stream` keyword: its dictionary. */
  head: string;
  /** Byte offsets of the stream data in the file. */
  start: number;
  end: number;
}

/** Every `stream … endstream` body of a PDF read as latin1, in file order. */
export function* pdfStreams(raw: string): Generator<PdfStream> {
  let from = 0;
  for (;;) {
    const kw = raw.indexOf('stream', from);
    if (kw < 0) return;
    from = kw + 6;
    if (raw.startsWith('end', kw - 3)) continue;
    const start = dataStart(raw, kw);
    if (start < 0) continue;
    const end = raw.indexOf('endstream', start);
    if (end < 0) return;
    yield { head: raw.slice(Math.max(raw.lastIndexOf('obj', kw), kw - 2048), kw), start, end };
    from = end + 9;
  }
}

/** Stream data starts after the keyword and its EOL (CRLF or LF). */
function dataStart(raw: string, kw: number): number {
  const after = kw + 6;
  if (raw.startsWith('\r\n', after)) return after + 2;
  if (raw[after] === '\n') return after + 1;
  return -1;
}

/** Whether a stream's dictionary names the Flate filter. */
export const isFlate = (head: string): boolean => /\/(?:FlateDecode|Fl)\b/.test(head);

function inflatedSize(data: Buffer, budget: number): number {
  const cap = Math.min(LIMITS.pdf.maxStreamBytes, budget);
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw parseError(PARSE_ERRORS.COMPRESSION_BOMB, 'PDF streams inflate beyond the size limit', {
        limitBytes: LIMITS.pdf.maxTotalStreamBytes,
      });
    }
    return 0;
  }
}
