import { inflateRawSync } from 'node:zlib';
import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';

/**
 * A synchronous reader of a zip's central directory, so that the upload path can judge a DOCX
 * before any library inflates it. Sizes come from the directory and are verified on inflate:
 * a lying entry fails with ZIP_BOMB instead of allocating what it really holds.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
/** EOCD is 22 bytes plus a comment of at most 65535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;

export const isZip = (buf: Uint8Array): boolean =>
  buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;

/** Lists the entries; throws TRUNCATED without an end-of-directory record, NOT_DOCX when corrupt. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0)
    throw parseError(PARSE_ERRORS.TRUNCATED, 'zip end-of-central-directory record not found');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw parseError(PARSE_ERRORS.ZIP_BOMB, 'zip64 archives are not accepted for documents');
  }
  if (count > LIMITS.zip.maxEntries) {
    throw parseError(PARSE_ERRORS.ZIP_BOMB, `zip has ${count} entries`, { entries: count });
  }
  if (cdOffset + cdSize > eocd)
    throw parseError(PARSE_ERRORS.TRUNCATED, 'zip central directory is cut off');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CDH_SIG) {
      throw parseError(PARSE_ERRORS.NOT_DOCX, 'corrupt zip central directory');
    }
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      encrypted: (buf.readUInt16LE(p + 8) & 1) === 1,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Rejects archives whose declared sizes, ratios or entry count are out of bounds. */
export function checkZipBudget(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > LIMITS.zip.maxEntryUncompressed) {
      throw parseError(
        PARSE_ERRORS.ZIP_BOMB,
        `zip entry ${e.name} inflates to ${e.uncompressedSize} bytes`,
      );
    }
    if (e.uncompressedSize > LIMITS.zip.ratioFloor && ratio > LIMITS.zip.maxRatio) {
      throw parseError(
        PARSE_ERRORS.ZIP_BOMB,
        `zip entry ${e.name} has compression ratio ${Math.round(ratio)}`,
      );
    }
  }
  if (total > LIMITS.zip.maxTotalUncompressed) {
    throw parseError(PARSE_ERRORS.ZIP_BOMB, `zip inflates to ${total} bytes`, { bytes: total });
  }
}

/** Inflates one entry, never producing more than its declared size. */
export function readEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LFH_SIG) {
    throw parseError(PARSE_ERRORS.NOT_DOCX, `corrupt zip local header for ${e.name}`);
  }
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw parseError(PARSE_ERRORS.TRUNCATED, `zip entry ${e.name} is cut off`);
  const data = buf.subarray(start, end);
  if (e.method === 0) return Buffer.from(data);
  if (e.method !== 8)
    throw parseError(PARSE_ERRORS.NOT_DOCX, `zip entry ${e.name} uses method ${e.method}`);
  let out: Buffer;
  try {
    // +1 so that an entry larger than declared is detected rather than silently truncated.
    out = inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw parseError(PARSE_ERRORS.ZIP_BOMB, `zip entry ${e.name} is larger than declared`);
    }
    throw parseError(PARSE_ERRORS.NOT_DOCX, `zip entry ${e.name} does not inflate`);
  }
  if (out.length > e.uncompressedSize) {
    throw parseError(PARSE_ERRORS.ZIP_BOMB, `zip entry ${e.name} is larger than declared`);
  }
  return out;
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}
