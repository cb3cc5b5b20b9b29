import { inflateSync } from 'node:zlib';
import { isFlate, pdfStreams } from '../preflight/pdf-streams';

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
  for (const s of pdfStreams(raw)) {
    if (SKIPPED_STREAM.test(s.head)) continue;
    const body = readStream(buf, s.head, s.start, s.end);
    if (body === null || suspicious(body)) return true;
  }
  return false;
}

/** Images, embedded font programs, metadata and xref tables hold no drawing operators. */
const SKIPPED_STREAM =
  /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|\/Length[123]\b|\/Type\s*\/(?:XRef|Metadata)\b/;

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

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)`;
/** Up to four numeric operands, then a fill-colour or render-mode operator. */
const FILL_OP = new RegExp(
  String.raw`(?<![\w.])((?:${NUM}\s+){0,3}${NUM})\s+(rg|g|k|scn|sc|Tr)(?![\w*'"])`,
  'g',
);
/** An ExtGState fill alpha; pdf.js treats text under alpha < 0.1 as invisible. */
const FILL_ALPHA = new RegExp(String.raw`/ca\s+(${NUM})`, 'g');

function alphaNearZero(text: string): boolean {
  for (const m of text.matchAll(FILL_ALPHA)) if (Number(m[1]) < 0.1) return true;
  return false;
}

function suspicious(text: string): boolean {
  if (alphaNearZero(text)) return true;
  for (const m of text.matchAll(FILL_OP)) {
    const args = m[1].trim().split(/\s+/).map(Number);
    if (suspiciousOperator(m[2], args)) return true;
  }
  return false;
}

/** Light enough (luminance ≥ 0.85) to be near-invisible on white; pdf.js's own cut is 0.92. */
const LIGHT = 0.85;

function suspiciousOperator(op: string, args: number[]): boolean {
  const last = (n: number) => args.slice(-n);
  switch (op) {
    case 'Tr':
      return [3, 7].includes(last(1)[0]);
    case 'g':
      return last(1)[0] >= LIGHT;
    case 'rg':
      return rgbLight(last(3));
    case 'k':
      return cmykLight(last(4));
    default:
      return colourNLight(args);
  }
}

/**
 * `sc`/`scn` take operands in the current colour space, which is not tracked here: one operand
 * may be gray (1 is white), a separation tint (0 is no ink) or a palette index, so only a
 * mid-range gray or tint is known to be dark. Three are RGB or Lab, four are CMYK.
 */
function colourNLight(args: number[]): boolean {
  if (args.length === 1) return !(args[0] > 0.15 && args[0] < LIGHT);
  if (args.length === 3) return args[0] > 1 || rgbLight(args);
  if (args.length === 4) return cmykLight(args);
  return true;
}

function rgbLight([r, g, b]: number[]): boolean {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b >= LIGHT;
}

function cmykLight([c, m, y, k]: number[]): boolean {
  return rgbLight([(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]);
}
