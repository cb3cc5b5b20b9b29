import type { ErrorEvent } from '@sentry/nestjs';
import { scrubEvent } from './sentry-scrub';

const event = (over: Partial<ErrorEvent>): ErrorEvent => ({ type: undefined, ...over });

describe('scrubEvent', () => {
  it('drops request bodies, cookies and query strings, and redacts auth headers', () => {
    const out = scrubEvent(
      event({
        request: {
          url: 'https://api.example.com/jobs/1/applications',
          method: 'POST',
          data: '{"resume":"Jane Doe"}',
          cookies: { sid: 'abc' },
          query_string: 'email=jane@example.com',
          headers: {
            authorization: 'Bearer eyJhbGciOi.secret',
            cookie: 'sid=abc',
            'x-api-key-token': 'k',
            'user-agent': 'portal/1.0',
          },
        },
      }),
    );
    expect(out.request?.data).toBeUndefined();
    expect(out.request?.cookies).toBeUndefined();
    expect(out.request?.query_string).toBe('[redacted]');
    expect(out.request?.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key-token': '[redacted]',
      'user-agent': 'portal/1.0',
    });
    expect(out.request?.url).toBe('https://api.example.com/jobs/1/applications');
  });

  it('replaces e-mails and phone numbers in messages and exception values', () => {
    const out = scrubEvent(
      event({
        message: 'could not notify jane.doe+hr@example.co.uk',
        exception: { values: [{ type: 'Error', value: 'bad phone +1 (415) 555-0100 here' }] },
      }),
    );
    expect(out.message).toBe('could not notify [email]');
    expect(out.exception?.values?.[0].value).toBe('bad phone [phone] here');
  });

  it('keeps only the user id', () => {
    const out = scrubEvent(
      event({ user: { id: 'u1', email: 'jane@example.com', ip_address: '10.0.0.1' } }),
    );
    expect(out.user).toEqual({ id: 'u1' });
  });

  it('redacts sensitive keys and contact details in extra and contexts, at any depth', () => {
    const out = scrubEvent(
      event({
        extra: { jobId: 'j1', profile: { name: 'Jane' }, note: 'call 020 7946 0958' },
        contexts: { job: { id: 'parse:1', nested: [{ email: 'a@b.io', queue: 'resume-parse' }] } },
      }),
    );
    expect(out.extra).toEqual({ jobId: 'j1', profile: '[redacted]', note: 'call [phone]' });
    expect(out.contexts).toEqual({
      job: { id: 'parse:1', nested: [{ email: '[redacted]', queue: 'resume-parse' }] },
    });
  });

  it('leaves an event without PII unchanged', () => {
    const clean = event({ message: 'queue stalled', tags: { queue: 'notify' } });
    expect(scrubEvent(structuredClone(clean))).toEqual(clean);
  });
});
