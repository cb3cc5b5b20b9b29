/**
 * Decoding of plain-text resumes. Order: BOM, then strict UTF-8, then UTF-16 without a BOM
 * (recognised by its NUL pattern), then Windows-1252 (the WHATWG meaning of "Latin-1").
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Detects the encoding from the bytes; null when the bytes are not text in any of them. */
export function detectTextEncoding(buf: Uint8Array): TextEncoding | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const utf16 = guessBomlessUtf16(buf);
  if (utf16) return utf16;
  if (countControlBytes(buf) > 0) return null;
  if (isValidUtf8(buf)) return 'utf-8';
  return looksLikeSingleByteText(buf) ? 'windows-1252' : null;
}

/** Windows-1252 code points for bytes 0x80–0x9F (Node's decoder treats them as C1 controls). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeText(buf: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'windows-1252') {
    return Buffer.from(buf)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
  }
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(buf);
}

/** Control bytes other than tab, LF, VT, FF, CR and ESC never occur in text files. */
function countControlBytes(buf: Uint8Array): number {
  let n = 0;
  for (const b of buf) {
    if (
      (b < 0x20 &&
        b !== 0x09 &&
        b !== 0x0a &&
        b !== 0x0b &&
        b !== 0x0c &&
        b !== 0x0d &&
        b !== 0x1b) ||
      b === 0x7f
    )
      n++;
  }
  return n;
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1252 text is mostly ASCII; binary data has a near-uniform byte spread. Five undefined
 * 1252 code points (0x81, 0x8D, 0x8F, 0x90, 0x9D) are treated as binary markers.
 */
function looksLikeSingleByteText(buf: Uint8Array): boolean {
  let high = 0;
  for (const b of buf) {
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
    if (b >= 0x80) high++;
  }
  // Short strings are judged by the undefined-code-point test alone.
  return buf.length < 64 || high / buf.length < 0.3;
}

/**
 * ASCII-range UTF-16 has a NUL in every other byte. Requires the NULs to sit almost only on one
 * parity and the other parity to be NUL-free, so binaries with scattered NULs do not qualify.
 */
function guessBomlessUtf16(buf: Uint8Array): TextEncoding | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.6 && evenNul === 0)
    return isCleanUtf16(buf, 'utf-16le') ? 'utf-16le' : null;
  if (evenNul / pairs > 0.6 && oddNul === 0)
    return isCleanUtf16(buf, 'utf-16be') ? 'utf-16be' : null;
  return null;
}

function isCleanUtf16(buf: Uint8Array, enc: 'utf-16le' | 'utf-16be'): boolean {
  const text = new TextDecoder(enc).decode(buf.subarray(0, Math.min(buf.length, 8192)));
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/.test(text);
}
