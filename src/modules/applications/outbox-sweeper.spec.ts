import { Types } from 'mongoose';
import { OutboxSweeper } from './outbox-sweeper';

/** The sweeper over in-memory collaborators: one stale queued application of `resume`. */
function setup(resume: Record<string, unknown>) {
  const app = { _id: new Types.ObjectId(), orgId: 'o1', jobId: 'j1', resumeId: 'r1' };
  const calls: string[] = [];
  const applications = {
    findStale: async (statuses: string[]) => (statuses[0] === 'queued' ? [app] : []),
    transition: async (_o: string, _id: string, to: string, reason: string, from: string[]) => {
      calls.push(`transition ${to} (${reason}) from ${from.join(',')}`);
      return true;
    },
  };
  const sweeper = new OutboxSweeper(
    applications as never,
    { findById: async () => resume } as never,
    { add: async () => (calls.push('parse enqueued'), true) } as never,
    { enqueue: async () => (calls.push('screen enqueued'), true) } as never,
  );
  return { sweeper, calls };
}

describe('OutboxSweeper', () => {
  it('sends an application of an unparseable resume to a person instead of re-parsing', async () => {
    const { sweeper, calls } = setup({
      parseStatus: 'needs_review',
      parseErrorCode: 'PARSE.ENCRYPTED_PDF',
    });
    await expect(sweeper.sweep()).resolves.toBe(1);
    expect(calls).toEqual([
      'transition needs_review (resume could not be parsed: PARSE.ENCRYPTED_PDF) from received,queued',
    ]);
  });

  it('re-enqueues the parse while it can still succeed, and screening once parsed', async () => {
    const pending = setup({ parseStatus: 'pending' });
    await pending.sweeper.sweep();
    expect(pending.calls).toEqual(['parse enqueued']);
    const parsed = setup({ parseStatus: 'parsed' });
    await parsed.sweeper.sweep();
    expect(parsed.calls).toEqual(['screen enqueued']);
  });
});
