import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../../src/api.module';
import { configureApi } from '../../../src/app.factory';
import { testConfig } from '../../helpers/test-app';

/**
 * The real API app, configured exactly like production (configureApi), plus optional extra
 * controllers (the role-matrix probes). Without extras it is what createTestApp builds.
 */
export async function createAuthApp(
  env: Record<string, string> = {},
  controllers: Type[] = [],
): Promise<NestExpressApplication> {
  const config = testConfig(env);
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forRoot(config)],
    controllers,
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    bufferLogs: true,
  });
  configureApi(app, config);
  await app.init();
  return app;
}
