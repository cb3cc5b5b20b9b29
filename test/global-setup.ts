/**
 * e2e precondition: services are up (scripts/test.sh starts them) and the database is a test one.
 * Tests create their own orgs and ids, so nothing is dropped here; the name guard protects any
 * destructive helper that a test might call.
 */
export default async function globalSetup(): Promise<void> {
  const uri = process.env.MONGO_URI;
  const redis = process.env.REDIS_URL;
  if (!uri || !redis) {
    throw new Error('e2e tests need MONGO_URI and REDIS_URL; run them through `npm test`.');
  }
  const dbName = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.replace(/^\//, '');
  if (!/test/i.test(dbName)) {
    throw new Error(
      `Refusing to run e2e tests against database "${dbName}": its name lacks "test".`,
    );
  }
}
