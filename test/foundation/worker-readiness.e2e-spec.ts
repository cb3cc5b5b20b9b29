import request from 'supertest';
import { ResumeParseProcessor } from '../../src/modules/resumes/resume-parse.processor';
import { ScreeningModelHolder } from '../../src/modules/screening/screening-model.holder';
import { ScreeningProcessor } from '../../src/modules/screening/screening.processor';
import { eventually, privateMongo, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';

describe('worker readiness', () => {
  it('reports the shipped model as loaded, with its version in metrics', async () => {
    const worker = await createTestWorker();
    try {
      await eventually(
        async () => (await request(worker.getHttpServer()).get('/health/ready')).status === 200,
        'worker ready',
      );
      const res = await request(worker.getHttpServer()).get('/health/ready');
      expect(res.body.details.model).toEqual({ status: 'up' });
      const version = worker.get(ScreeningModelHolder).get().version;
      const metrics = await request(worker.getHttpServer()).get('/metrics');
      expect(metrics.text).toContain(`screener_model_info{version="${version}"`);
    } finally {
      await worker.close();
    }
  });

  it('stays up but not ready when the configured model version does not exist', async () => {
    const worker = await createTestWorker({ MODEL_VERSION: 'no-such-version' });
    try {
      await eventually(
        async () =>
          (await request(worker.getHttpServer()).get('/health/ready')).body?.error?.details?.mongo
            ?.status === 'up',
        'mongo connected',
      );
      const res = await request(worker.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.error.details.model.status).toBe('down');
      expect((await request(worker.getHttpServer()).get('/health/live')).status).toBe(200);
    } finally {
      await worker.close();
    }
  });

  it('takes no job until Mongo is connected, then starts every processor', async () => {
    const [mongo, redis] = await Promise.all([privateMongo(), privateRedis()]);
    await redis.start();
    const worker = await createTestWorker({ MONGO_URI: mongo.uri, REDIS_URL: redis.url });
    const running = () =>
      [ResumeParseProcessor, ScreeningProcessor].map((p) => worker.get(p).worker.isRunning());
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect(running()).toEqual([false, false]);
      await mongo.start();
      await eventually(async () => running().every(Boolean), 'processors running', 60_000);
    } finally {
      await worker.close();
      await Promise.all([mongo.stop(), redis.stop()]);
    }
  });

  it('never provides the model in the API process', async () => {
    const api = await createTestApp();
    try {
      expect(() => api.get(ScreeningModelHolder, { strict: false })).toThrow();
    } finally {
      await api.close();
    }
  });
});
