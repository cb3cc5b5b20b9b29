import request from 'supertest';
import { ScreeningModelHolder } from '../../src/modules/screening/screening-model.holder';
import { eventually } from '../helpers/local-services';
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

  it('never provides the model in the API process', async () => {
    const api = await createTestApp();
    try {
      expect(() => api.get(ScreeningModelHolder, { strict: false })).toThrow();
    } finally {
      await api.close();
    }
  });
});
