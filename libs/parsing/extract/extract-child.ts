import { DomainError } from '../../common/errors';
import { PARSE_ERRORS } from '../parse-errors';
import { extractDocx } from './docx-extractor';
import type { ExtractReply, ExtractRequest } from './extract-protocol';
import { extractPdf } from './pdf-extractor';

/**
 * Entry point of the extraction child process. It serves one request at a time; the parent kills
 * it on timeout or when its memory grows past the cap, so nothing here needs its own limits.
 */
async function handle(req: ExtractRequest): Promise<ExtractReply> {
  try {
    const data =
      req.data instanceof Buffer
        ? req.data
        : Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength);
    const result =
      req.kind === 'pdf'
        ? await extractPdf(new Uint8Array(data), req.maxPages)
        : await extractDocx(data);
    return { ok: true, result };
  } catch (err) {
    if (err instanceof DomainError)
      return { ok: false, code: err.code, message: err.message, details: err.details };
    return {
      ok: false,
      code: PARSE_ERRORS.EXTRACTION_FAILED,
      message: (err as Error)?.message ?? String(err),
    };
  }
}

process.on('message', (req: ExtractRequest) => {
  void handle(req).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
