import { createHash } from 'node:crypto';

// e2e specs drive real processes and services; their own `eventually` deadlines bound each wait.
jest.setTimeout(180_000);

/**
 * Each spec file gets its own database (same server, name suffixed per file). Workers sweep the
 * whole database for stalled work, so a shared one would let one suite's worker pick up another
 * suite's never-processed uploads. Child processes inherit the variable, so the CLI and spawned
 * API/worker processes of a spec see the same database.
 */
const base = process.env.MONGO_URI;
const file = expect.getState().testPath;
if (base && file) {
  const tag = createHash('sha1').update(file).digest('hex').slice(0, 10);
  process.env.MONGO_URI = base.replace(
    /^(mongodb(?:\+srv)?:\/\/[^/]+\/)([^?]*)/,
    (_m, prefix: string, db: string) => `${prefix}${db || 'screener_test'}_${tag}`,
  );
}
