import { inflateSync } from 'node:zlib';
import { isFlate, pdfStreams } from '../preflight/pdf-streams';
import { NUM, streamMayHideText } from './pdf-content-scan';

/**
 * A byte-level pre-check for `analyzeInk`: whether any content could draw text that a reader
 * cannot see. Walking pdf.js's operator list costs about as much as the text extraction itself,
 * and most resumes draw every glyph in a dark, opaque colour, so the walk only runs when this
 * says "maybe". False is a promise (no light fill, no invisible render mode, no near-zero fill
 * alpha anywhere in the file); true is only a suspicion. Anything it cannot read counts as true.
 */
export function mayHideText(data: Uint8Array, raw: string): boolean {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // Outside streams only dictionaries are readable text; stream bytes there are compressed noise.
  if (alphaNearZero(raw)) return true;
  const bodies: string[] = [];
  for (const s of pdfStreams(raw)) {
    if (SKIPPED_STREAM.test(s.head)) continue;
    const body = readStream(buf, s.head, s.start, s.end);
    if (body === null || alphaNearZero(body)) return true;
    if (!NOT_CONTENT.test(s.head) && !body.includes('begincmap')) bodies.push(body);
  }
  // One walk over all streams in file order: producers split a page's content at any byte (even
  // between an operator and its operands) and write the parts one after another.
  return streamMayHideText(bodies.join('\n'));
}

/** Images, embedded font programs, metadata and xref tables hold no drawing operators. */
const SKIPPED_STREAM =
  /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|\/Length[123]\b|\/Type\s*\/(?:XRef|Metadata)\b/;

/** Streams read for `/ca` only: object streams, ICC profiles, functions, shadings. */
const NOT_CONTENT = /\/Type\s*\/(?:ObjStm|CMap)\b|\/N\s+\d|\/(?:FunctionType|ShadingType)\b/;

/** Operand bytes per stream; a larger content stream is simply treated as suspicious. */
const MAX_SCAN_BYTES = 8 * 1024 * 1024;

function readStream(buf: Buffer, head: string, start: number, end: number): string | null {
  const filtered = /\/Filter\b/.test(head);
  if (!filtered) return buf.toString('latin1', start, end);
  // Only a lone Flate filter is read here; chains and other codecs are left to the full walk.
  if (!isFlate(head) || /\/Filter\s*\[[^\]]*\/\w+[^\]]*\/\w+/.test(head)) return null;
  try {
    return inflateSync(buf.subarray(start, end), { maxOutputLength: MAX_SCAN_BYTES }).toString(
      'latin1',
    );
  } catch {
    return null;
  }
}

/** An ExtGState fill alpha; pdf.js treats text under alpha < 0.1 as invisible. */
const FILL_ALPHA = new RegExp(String.raw`/ca\s+(${NUM})`, 'g');

function alphaNearZero(text: string): boolean {
  for (const m of text.matchAll(FILL_ALPHA)) if (Number(m[1]) < 0.1) return true;
  return false;
}
