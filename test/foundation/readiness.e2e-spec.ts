import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { eventually, LocalServer, privateMongo, privateRedis } from '../helpers/local-services';
import { createTestApp } from '../helpers/test-app';

/** Readiness follows its dependencies down and back up, and the process survives both outages. */
describe('readiness under outages', () => {
  let redis: LocalServer & { url: string };
  let mongo: LocalServer & { uri: string };
  let app: INestApplication;

  const ready = () => request(app.getHttpServer()).get('/health/ready');

  beforeAll(async () => {
    redis = await privateRedis();
    mongo = await privateMongo();
    await Promise.all([redis.start(), mongo.start()]);
    app = await createTestApp({ REDIS_URL: redis.url, MONGO_URI: mongo.uri });
    await eventually(async () => (await ready()).status === 200, 'ready with both services up');
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([redis?.stop(), mongo?.stop()]);
  });

  it('is 200 with Mongo and Redis up', async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.body.details).toMatchObject({ mongo: { status: 'up' }, redis: { status: 'up' } });
  });

  it('has built the unique indexes that de-duplication relies on before reporting ready', async () => {
    const db = app.get<Connection>(getConnectionToken()).db!;
    const unique = async (coll: string) =>
      (await db.collection(coll).indexes())
        .filter((i) => i.unique)
        .map((i) => JSON.stringify(i.key));
    expect(await unique('applications')).toContain(JSON.stringify({ jobId: 1, resumeId: 1 }));
    expect(await unique('resumes')).toContain(JSON.stringify({ orgId: 1, sha256: 1 }));
    expect(await unique('idempotencyKeys')).toContain(JSON.stringify({ orgId: 1, key: 1 }));
  });

  it('goes 503 naming Redis when Redis stops, and recovers when it is back', async () => {
    await redis.stop();
    await eventually(async () => (await ready()).status === 503, 'not ready without redis');
    const down = await ready();
    expect(down.body.error.code).toBe('SERVICE.NOT_READY');
    expect(down.body.error.message).toContain('redis');
    expect(down.body.error.details.redis).toEqual({ status: 'down', reason: 'unreachable' });
    expect(down.body.error.details.mongo.status).toBe('up');

    await redis.start();
    await eventually(async () => (await ready()).status === 200, 'ready again after redis restart');
  });

  it('goes 503 naming Mongo when Mongo stops, and recovers when it is back', async () => {
    await mongo.stop();
    await eventually(async () => (await ready()).status === 503, 'not ready without mongo');
    const down = await ready();
    expect(down.body.error.message).toContain('mongo');
    expect(down.body.error.details.mongo.status).toBe('down');
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);

    await mongo.start();
    await eventually(
      async () => (await ready()).status === 200,
      'ready again after mongo restart',
      40_000,
    );
  });
});

describe('boot while Mongo is down', () => {
  it('starts, reports not ready, and connects once Mongo appears', async () => {
    const redis = await privateRedis();
    const mongo = await privateMongo();
    await redis.start();
    const app = await createTestApp({ REDIS_URL: redis.url, MONGO_URI: mongo.uri });
    try {
      const res = await request(app.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      await mongo.start();
      await eventually(
        async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200,
        'ready once mongo starts',
        40_000,
      );
    } finally {
      await app.close();
      await Promise.all([redis.stop(), mongo.stop()]);
    }
  });
});
