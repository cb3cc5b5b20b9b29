import * as Sentry from '@sentry/nestjs';
import { captureJobFailure, JobIdentity } from './sentry-capture';

jest.mock('@sentry/nestjs', () => {
  const scope = { setLevel: jest.fn(), setTag: jest.fn(), setContext: jest.fn() };
  return {
    scope,
    withScope: jest.fn((cb: (s: typeof scope) => void) => cb(scope)),
    captureException: jest.fn(),
  };
});

const scope = (Sentry as unknown as { scope: Record<string, jest.Mock> }).scope;
const job = (attemptsMade: number): JobIdentity & { data: unknown } => ({
  id: 'parse:65f0c0ffee',
  name: 'parse',
  queueName: 'resume-parse',
  attemptsMade,
  opts: { attempts: 3 },
  data: { text: 'Jane Doe jane@example.com' },
});
const tags = () => Object.fromEntries(scope.setTag.mock.calls);

describe('captureJobFailure', () => {
  beforeEach(() => jest.clearAllMocks());

  it('captures the error tagged with the queue and job id', () => {
    const err = new Error('boom');
    captureJobFailure(job(1), err);
    expect(Sentry.captureException).toHaveBeenCalledWith(err);
    expect(tags()).toEqual({
      queue: 'resume-parse',
      job_id: 'parse:65f0c0ffee',
      job_final_attempt: 'false',
    });
    expect(scope.setLevel).toHaveBeenCalledWith('warning');
  });

  it('marks the last attempt as an error', () => {
    captureJobFailure(job(3), new Error('boom'));
    expect(scope.setLevel).toHaveBeenCalledWith('error');
    expect(tags().job_final_attempt).toBe('true');
  });

  it('never attaches the job data (it may hold resume text)', () => {
    captureJobFailure(job(1), new Error('boom'));
    const context = scope.setContext.mock.calls[0][1] as Record<string, unknown>;
    expect(context).toEqual({
      id: 'parse:65f0c0ffee',
      name: 'parse',
      queue: 'resume-parse',
      attemptsMade: 1,
      attempts: 3,
    });
    expect(JSON.stringify(scope.setContext.mock.calls)).not.toContain('jane');
  });

  it('still captures when BullMQ reports a failure without a job', () => {
    captureJobFailure(undefined, new Error('lost lock'));
    expect(Sentry.captureException).toHaveBeenCalledTimes(1);
    expect(tags().job_id).toBe('unknown');
    expect(scope.setContext).not.toHaveBeenCalled();
  });
});
