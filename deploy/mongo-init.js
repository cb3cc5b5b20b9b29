/* global rs, db, sleep, quit, print */
// Run by the one-shot `mongo-init` service (docker-compose.prod.yml) with mongosh as the root user,
// on every `up`. Idempotent: initiates the replica set once, waits for a writable primary, then
// creates the application's user, or updates its password and roles to match .env.

const env = (name, fallback) => process.env[name] || fallback;

function initiateOnce(setName, host) {
  try {
    const status = rs.status();
    print(`mongo-init: replica set ${status.set} already initiated`);
  } catch (err) {
    // 94 = NotYetInitialized; anything else (auth, network) is a real failure.
    if (err.code !== 94 && err.codeName !== 'NotYetInitialized') throw err;
    rs.initiate({ _id: setName, members: [{ _id: 0, host }] });
    print(`mongo-init: replica set ${setName} initiated with member ${host}`);
  }
}

function waitForPrimary(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (db.adminCommand({ hello: 1 }).isWritablePrimary) return;
    sleep(1000);
  }
  throw new Error(`no writable primary within ${timeoutMs / 1000} s`);
}

function ensureAppUser(user, pwd, dbName) {
  if (!pwd) throw new Error('MONGO_APP_PASSWORD is empty');
  // The user lives in the app database, so the app's URI needs no authSource.
  const appDb = db.getSiblingDB(dbName);
  const roles = [{ role: 'readWrite', db: dbName }];
  if (appDb.getUser(user)) {
    appDb.updateUser(user, { pwd, roles });
    print(`mongo-init: user ${user} on ${dbName} updated`);
  } else {
    appDb.createUser({ user, pwd, roles });
    print(`mongo-init: user ${user} on ${dbName} created`);
  }
}

try {
  initiateOnce(env('MONGO_REPLICA_SET', 'rs0'), env('MONGO_RS_HOST', 'mongo:27017'));
  waitForPrimary(60000);
  ensureAppUser(
    env('MONGO_APP_USERNAME', 'screener'),
    env('MONGO_APP_PASSWORD', ''),
    env('MONGO_APP_DATABASE', 'screener'),
  );
} catch (err) {
  print(`mongo-init: FAILED: ${err.message}`);
  quit(1);
}
