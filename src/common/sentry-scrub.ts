import type { ErrorEvent } from '@sentry/nestjs';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
const SECRET_KEYS =
  /authorization|cookie|secret|password|token|resume|text|profile|email|phone|name/i;

function scrubString(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

function scrubObject(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[truncated]';
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map((v) => scrubObject(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrubObject(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** Sentry `beforeSend`: no credentials, resume contents or contact details leave the process. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  if (event.request) {
    delete event.request.cookies;
    delete event.request.data;
    if (event.request.headers) event.request.headers = scrubObject(event.request.headers) as never;
    if (event.request.query_string) event.request.query_string = '[redacted]';
  }
  if (event.user) event.user = { id: event.user.id };
  if (event.message) event.message = scrubString(event.message);
  for (const ex of event.exception?.values ?? []) {
    if (ex.value) ex.value = scrubString(ex.value);
  }
  if (event.extra) event.extra = scrubObject(event.extra) as never;
  if (event.contexts) event.contexts = scrubObject(event.contexts) as never;
  return event;
}
