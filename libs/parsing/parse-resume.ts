import type { ExtractOptions } from './extract/extract.types';
import { extractText } from './extract/extract-text';
import { sniffFileKind, type FileKind } from './file-kind';
import { parseError, PARSE_ERRORS } from './parse-errors';
import { preflightFile } from './preflight/preflight';
import { buildProfile } from './profile/build-profile';
import type { Profile } from './profile.types';

export interface ParseOptions extends ExtractOptions {
  /** The kind the caller already sniffed; re-sniffing is skipped, preflight is not. */
  kind?: FileKind;
  now?: Date;
}

/** Sniff, preflight, extract (in a killable child) and build the profile. */
export async function parseResume(buf: Buffer, opts: ParseOptions = {}): Promise<Profile> {
  const kind = opts.kind ?? sniffFileKind(buf);
  if (!kind) {
    throw parseError(
      buf.length === 0 ? PARSE_ERRORS.EMPTY_FILE : PARSE_ERRORS.UNSUPPORTED_TYPE,
      buf.length === 0 ? 'file is empty' : 'file is not a PDF, DOCX or text document',
    );
  }
  preflightFile(buf, kind);
  const extracted = await extractText(buf, kind, opts);
  return buildProfile(extracted.text, {
    pages: extracted.pages,
    needsOcr: extracted.needsOcr,
    hiddenTexts: extracted.hiddenTexts,
    now: opts.now,
  });
}
