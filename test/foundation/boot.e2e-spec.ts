import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const entry = (name: string) => join(root, 'dist', 'src', `${name}.js`);

/** The built entry points refuse to start on a bad environment and name every offending key. */
describe('boot-time configuration check', () => {
  beforeAll(() => {
    if (!existsSync(entry('main'))) throw new Error('run `npm run build` first (npm test does)');
  });

  it.each(['main', 'worker'])('%s exits non-zero naming MONGO_URI=not-a-uri', (name) => {
    const res = spawnSync(process.execPath, [entry(name)], {
      env: {
        PATH: process.env.PATH,
        MONGO_URI: 'not-a-uri',
        REDIS_URL: 'redis://127.0.0.1:1',
        PORT: 'x',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('MONGO_URI');
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).not.toContain('REDIS_URL:');
  });
});
