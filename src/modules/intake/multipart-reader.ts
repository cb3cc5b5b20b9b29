import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../../libs/common/errors';
import { IntakeErrors } from './intake.errors';
import { sanitizeFilename } from './filename';

export interface ReceivedFile {
  filename: string;
  declaredMime: string;
  bytes: Buffer;
  sha256: string;
  /** Set when this file is rejected before content checks (e.g. over the size limit). */
  error?: DomainError;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: ReceivedFile[];
  tooManyFiles: boolean;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 4096;

/**
 * Streams a multipart body. Each file is held in memory only up to the byte limit (5 MB by
 * default): bytes past it are discarded as they arrive and the file is marked too large. The
 * sha256 is computed while streaming.
 */
export function readMultipart(
  req: IncomingMessage,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return Promise.reject(IntakeErrors.notMultipart());
  return new Promise((resolve, reject) => {
    const body: MultipartBody = { fields: {}, files: [], tooManyFiles: false };
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        // RFC 7578: file names are sent as raw UTF-8; busboy would read them as Latin-1.
        defParamCharset: 'utf8',
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
        },
      });
    } catch {
      return reject(IntakeErrors.malformed('The multipart body has no boundary.'));
    }
    bb.on('file', (field, stream, info) => {
      if (field !== 'file') return stream.resume();
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      const file: ReceivedFile = {
        filename: sanitizeFilename(info.filename),
        declaredMime: info.mimeType,
        bytes: Buffer.alloc(0),
        sha256: '',
      };
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        if (!file.error) chunks.push(chunk);
      });
      stream.on('limit', () => {
        file.error = IntakeErrors.tooLarge(limits.maxFileBytes);
        chunks.length = 0;
      });
      stream.on('end', () => {
        file.bytes = Buffer.concat(chunks);
        file.sha256 = hash.digest('hex');
      });
      body.files.push(file);
    });
    bb.on('field', (name, value) => {
      if (name !== 'file') body.fields[name] = value;
    });
    bb.on('filesLimit', () => (body.tooManyFiles = true));
    bb.on('close', () => resolve(body));
    bb.on('error', (err: Error) =>
      reject(IntakeErrors.malformed(`Malformed multipart body: ${err.message}`)),
    );
    req.pipe(bb);
  });
}
