import type { FileKind } from '../file-kind';
import { LIMITS } from '../limits';
import { preflightText } from '../preflight/text-preflight';
import { detectTextEncoding } from '../preflight/text-decode';
import type { ExtractedText, ExtractOptions } from './extract.types';
import { runInChild } from './extraction-runner';

/**
 * Raw text of a file. PDF and DOCX are extracted in a killable child process under time, memory
 * and page caps (errors: PARSE.TIMEOUT, PARSE.RESOURCE_LIMIT, PARSE.TOO_MANY_PAGES, ...). Text
 * files are decoded in-process: decoding is linear and the size is capped first.
 */
export async function extractText(
  buf: Buffer,
  kind: FileKind,
  opts: ExtractOptions = {},
): Promise<ExtractedText> {
  if (kind === 'txt') {
    const text = preflightText(buf);
    return { text, needsOcr: false, encoding: detectTextEncoding(buf) ?? undefined };
  }
  return runInChild(
    { kind, data: buf, maxPages: opts.maxPages ?? LIMITS.pdf.maxPages },
    {
      timeoutMs: opts.timeoutMs ?? LIMITS.extraction.timeoutMs,
      maxMemoryMb: opts.maxMemoryMb ?? LIMITS.extraction.maxMemoryMb,
    },
  );
}
