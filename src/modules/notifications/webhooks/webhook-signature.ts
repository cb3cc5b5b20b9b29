import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names, as documented for receivers in the README (Webhooks). */
export const WEBHOOK_HEADERS = {
  id: 'Webhook-Id',
  signature: 'Webhook-Signature',
  attempt: 'Webhook-Attempt',
} as const;

/** Default clock skew a receiver should accept between `t` and its own clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/**
 * `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: one v1 per active secret, so a receiver holding
 * either the old or the new secret verifies during a rotation's grace period.
 */
export function signatureHeader(
  body: string,
  secrets: readonly string[],
  timestamp: number,
): string {
  if (!secrets.length) throw new Error('signatureHeader: at least one secret is required');
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(',');
}

export interface VerifyOptions {
  toleranceSeconds?: number;
  /** Receiver clock, in milliseconds (tests). */
  now?: number;
}

/**
 * What a receiver does: recompute the HMAC over `t.body` (the raw bytes as received) and
 * compare in constant time, rejecting timestamps outside the tolerance (replays).
 */
export function verifySignature(
  body: string,
  header: string,
  secret: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() }: VerifyOptions = {},
): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}
