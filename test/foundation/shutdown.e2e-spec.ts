import { ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { eventually, freePort } from '../helpers/local-services';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request whose body trickles in over `ms`; resolves to the final status code. */
function slowPost(port: number, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/health/live',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': '20' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write('{"slow":');
    setTimeout(() => req.end('"request!!"}'), ms);
  });
}

describe('graceful shutdown', () => {
  let child: ChildProcess;
  let port: number;

  beforeEach(async () => {
    port = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SHUTDOWN_DRAIN_MS: '1500',
      },
      stdio: 'ignore',
    });
    await eventually(async () => (await get(port, '/health/ready')) === 200, 'api ready');
  });

  afterEach(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('turns readiness to 503 first, finishes the in-flight request, then exits 0', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const inFlight = slowPost(port, 2500);
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    await eventually(
      async () => (await get(port, '/health/ready')) === 503,
      'readiness 503 while draining',
      1400,
    );
    expect(await get(port, '/health/live')).toBe(200);
    // The body-parser error for a POST to a GET route is still an HTTP answer: it completed.
    expect(await inFlight).toBeGreaterThanOrEqual(200);
    expect(await exited).toBe(0);
  });
});
