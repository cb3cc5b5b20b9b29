import { CI, runDrill, type DrillName } from '../../bench/drills/drill-runner';

/**
 * The CI subset of the fault drills (issue 11) on small counts. Each drill starts its own Redis,
 * Mongo-protocol server, API and workers from dist/ (scripts/test.sh builds it), so it never
 * disturbs the shared services. Only outcomes are asserted; the drills' timings (the poison
 * drill's good-file delay ratio) are reported by `npm run drill`, never asserted here.
 */
describe('fault drills (CI counts)', () => {
  const drills: DrillName[] = ['worker-kill', 'poison', 'redis-restart'];

  it.each(drills)(
    '%s loses no application and screens every good file once',
    async (name) => {
      const row = await runDrill(name, CI);
      expect(row.faults).not.toMatch(/NOT IMPLEMENTED|ERROR/);
      expect(row.notes.join('\n')).not.toMatch(/^lost /m);
      expect(row.lost).toBe(0);
      expect(row.good).toBeGreaterThanOrEqual(CI.count);
      // Every good upload was accepted and ended screened exactly once; hostile files never did.
      expect(row.screened).toBe(row.good);
      if (name === 'poison')
        expect(row.needsReviewOrFailedWithReason).toBeGreaterThanOrEqual(CI.hostile);
      else expect(row.accepted).toBe(row.good);
    },
    240_000,
  );
});
