/**
 * Writes openapi.json from the controllers, or with --check fails when the committed file
 * differs (CI runs the check so the published contract cannot drift from the code).
 * Usage: node dist/scripts/openapi.js [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../libs/common/paths';
import { buildOpenApi, createApiApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

async function main(): Promise<number> {
  // Nothing connects: the document is built from metadata before any module initialises.
  const config = loadConfig({
    MONGO_URI: 'mongodb://127.0.0.1:9/openapi',
    REDIS_URL: 'redis://127.0.0.1:9',
    LOG_LEVEL: 'silent',
    SWAGGER_ENABLED: 'false',
  });
  const app = await createApiApp(config);
  const text = JSON.stringify(sortKeys(buildOpenApi(app)), null, 2) + '\n';
  await app.close().catch(() => undefined);
  const file = join(projectRoot(), 'openapi.json');
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== text) {
      console.error('openapi.json is out of date: run `npm run openapi` and commit the result.');
      return 1;
    }
    console.log('openapi.json matches the code');
    return 0;
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
