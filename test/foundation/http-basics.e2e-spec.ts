import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from '../helpers/test-app';

describe('HTTP basics', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('echoes a well-formed incoming X-Request-Id', async () => {
    const res = await request(app.getHttpServer())
      .get('/health/live')
      .set('X-Request-Id', 'req-42');
    expect(res.headers['x-request-id']).toBe('req-42');
  });

  it('replaces a malformed X-Request-Id with a fresh one', async () => {
    const res = await request(app.getHttpServer())
      .get('/health/live')
      .set('X-Request-Id', 'bad id; with spaces');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the error envelope and the request id', async () => {
    const res = await request(app.getHttpServer()).get('/no-such-route').set('X-Request-Id', 'r-1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'COMMON.ROUTE_NOT_FOUND', message: expect.any(String), requestId: 'r-1' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('rejects malformed JSON with a stable code and no stack trace', async () => {
    const res = await request(app.getHttpServer())
      .post('/health/live')
      .set('Content-Type', 'application/json')
      .send('{bad');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('COMMON.MALFORMED_BODY');
    expect(res.body.error.requestId).toEqual(expect.any(String));
  });

  it('exposes Prometheus metrics with the HTTP duration histogram by route and status', async () => {
    await request(app.getHttpServer()).get('/health/live');
    const res = await request(app.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
    );
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    const doc = await request(app.getHttpServer()).get('/docs-json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/health/ready');
  });
});
