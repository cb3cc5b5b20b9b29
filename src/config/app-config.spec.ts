import { ConfigValidationError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  const valid = { MONGO_URI: 'mongodb://127.0.0.1:27017/app', REDIS_URL: 'redis://127.0.0.1:6379' };

  it('applies typed defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.UPLOAD_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('converts numbers, booleans and lists', () => {
    const config = loadConfig({
      ...valid,
      PORT: '8080',
      SWAGGER_ENABLED: 'false',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.PORT).toBe(8080);
    expect(config.SWAGGER_ENABLED).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('lists every offending key at once', () => {
    let error: ConfigValidationError | undefined;
    try {
      loadConfig({ MONGO_URI: 'not-a-uri', PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.problems.map((p) => p.key).sort()).toEqual(
      ['LOG_LEVEL', 'MONGO_URI', 'PORT', 'REDIS_URL'].sort(),
    );
    expect(error!.message).toContain('MONGO_URI');
  });

  it('reads optional keys that have no default', () => {
    const config = loadConfig({
      ...valid,
      MODEL_VERSION: '9.9.9',
      SENTRY_DSN: 'https://k@sentry.example/1',
    });
    expect(config.MODEL_VERSION).toBe('9.9.9');
    expect(config.SENTRY_DSN).toBe('https://k@sentry.example/1');
  });

  it('rejects a malformed optional key', () => {
    expect(() => loadConfig({ ...valid, MODEL_VERSION: '../etc' })).toThrow(/MODEL_VERSION/);
  });
});
