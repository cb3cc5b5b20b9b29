import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/paths';

// autocannon ships no types; this is the slice of its API the suite uses.
export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; p97_5: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
export interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  headers?: Record<string, string>;
  requests?: CannonRequest[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (o: CannonOptions) => Promise<CannonResult>;

export const cannon = (o: CannonOptions): Promise<CannonResult> => autocannon(o);

/** A ~100 KB PDF: a real fictional example padded with a trailing comment, unique per call. */
export function pdf100k(): Buffer {
  const base = readFileSync(join(projectRoot(), 'examples', 'resumes', 'ana-costa-backend.pdf'));
  const pad = Math.max(0, 100 * 1024 - base.length - 64);
  return Buffer.concat([
    base,
    Buffer.from(`\n%${randomBytes(16).toString('hex')}${'x'.repeat(pad)}\n`),
  ]);
}

/** A multipart/form-data body with one `file` part. */
export function multipart(file: Buffer, name: string): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
