import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isDomainError } from '../../../../libs/common/errors';
import type { AppConfig } from '../../../config/app-config';
import { VettedTarget, WebhookTargetPolicy } from './webhook-target.policy';

export interface HttpClientOptions {
  /** Whole attempt, every hop included: resolve, connect, send, read. */
  timeoutMs: number;
  /** Response bytes read at most; the rest is never read. */
  maxResponseBytes: number;
  maxRedirects: number;
}

/** One attempt as the delivery log records it. Never thrown: failures are data here. */
export interface AttemptResult {
  statusCode?: number;
  latencyMs: number;
  error?: string;
  errorCode?: string;
  responseSnippet?: string;
}

interface RawResponse {
  statusCode: number;
  location?: string;
  body: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const SNIPPET_CHARS = 512;

class AttemptTimeout extends Error {}

/** Connects to the address the policy vetted, never re-resolving (no DNS-rebinding window). */
const pinnedLookup =
  (target: VettedTarget): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };

function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * POSTs a signed webhook body. Every hop (the URL and each redirect's Location) is vetted by
 * the SSRF policy; the request carries one overall deadline and reads a capped response.
 */
export class WebhookHttpClient {
  constructor(
    private readonly policy: WebhookTargetPolicy,
    private readonly options: HttpClientOptions,
  ) {}

  static fromConfig(policy: WebhookTargetPolicy, config: AppConfig): WebhookHttpClient {
    return new WebhookHttpClient(policy, {
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      maxResponseBytes: config.WEBHOOK_MAX_RESPONSE_BYTES,
      maxRedirects: config.WEBHOOK_MAX_REDIRECTS,
    });
  }

  async post(url: string, body: string, headers: Record<string, string>): Promise<AttemptResult> {
    const started = Date.now();
    const deadline = started + this.options.timeoutMs;
    const latencyMs = () => Date.now() - started;
    let target = url;
    try {
      for (let hop = 0; ; hop++) {
        const vetted = await withDeadline(this.policy.vet(target), deadline);
        const res = await withDeadline(this.send(vetted, body, headers, deadline), deadline);
        const snippet = res.body.slice(0, SNIPPET_CHARS) || undefined;
        if (!REDIRECTS.has(res.statusCode) || !res.location) {
          return { statusCode: res.statusCode, latencyMs: latencyMs(), responseSnippet: snippet };
        }
        if (hop >= this.options.maxRedirects) {
          const error = `more than ${this.options.maxRedirects} redirects`;
          return {
            statusCode: res.statusCode,
            latencyMs: latencyMs(),
            error,
            errorCode: 'WEBHOOK.TOO_MANY_REDIRECTS',
          };
        }
        target = new URL(res.location, vetted.url).toString();
      }
    } catch (err) {
      return { latencyMs: latencyMs(), ...describe(err, this.options.timeoutMs) };
    }
  }

  private send(
    target: VettedTarget,
    body: string,
    headers: Record<string, string>,
    deadline: number,
  ): Promise<RawResponse> {
    const payload = Buffer.from(body, 'utf8');
    const transport = target.url.protocol === 'https:' ? https : http;
    return new Promise<RawResponse>((resolve, reject) => {
      const req = transport.request(
        target.url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(payload.length) },
          agent: false,
          lookup: pinnedLookup(target),
        },
        (res) => this.readCapped(res, resolve, reject),
      );
      const timer = setTimeout(
        () => req.destroy(new AttemptTimeout()),
        Math.max(0, deadline - Date.now()),
      );
      req.on('close', () => clearTimeout(timer));
      req.on('error', reject);
      req.end(payload);
    });
  }

  private readCapped(
    res: http.IncomingMessage,
    resolve: (r: RawResponse) => void,
    reject: (e: Error) => void,
  ): void {
    const cap = this.options.maxResponseBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () =>
      resolve({
        statusCode: res.statusCode ?? 0,
        location: res.headers.location,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    if (cap === 0 || REDIRECTS.has(res.statusCode ?? 0)) {
      res.destroy();
      return done();
    }
    res.on('data', (chunk: Buffer) => {
      if (size < cap) chunks.push(chunk.subarray(0, cap - size));
      size += chunk.length;
      if (size >= cap) {
        res.destroy();
        done();
      }
    });
    res.on('end', done);
    res.on('error', reject);
  }
}

function describe(err: unknown, timeoutMs: number): Pick<AttemptResult, 'error' | 'errorCode'> {
  if (err instanceof AttemptTimeout) {
    return { error: `no complete response within ${timeoutMs} ms`, errorCode: 'WEBHOOK.TIMEOUT' };
  }
  if (isDomainError(err)) return { error: err.message, errorCode: err.code };
  const e = err as NodeJS.ErrnoException;
  return {
    error: e.code ? `${e.code}: ${e.message}` : e.message,
    errorCode: 'WEBHOOK.NETWORK_ERROR',
  };
}
