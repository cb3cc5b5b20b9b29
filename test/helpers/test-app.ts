import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp, createWorkerApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';

/** Configuration for an in-process app: the real env (services from `npm test`) plus overrides. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
}

/** The real API app, initialised (not listening): use `request(app.getHttpServer())`. */
export async function createTestApp(
  env: Record<string, string> = {},
): Promise<NestExpressApplication> {
  const app = await createApiApp(testConfig(env));
  await app.init();
  return app;
}

export async function createTestWorker(
  env: Record<string, string> = {},
): Promise<NestExpressApplication> {
  const app = await createWorkerApp(testConfig(env));
  await app.init();
  return app;
}
