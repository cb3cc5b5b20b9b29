import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
}

/**
 * A private server process that a test may stop and start again on the same port and data dir,
 * so outage tests never disturb the shared services other suites use.
 */
export class LocalServer {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly command: string,
    private readonly args: string[],
  ) {}

  async start(): Promise<void> {
    this.child = spawn(this.command, this.args, { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }
}

export async function privateRedis(): Promise<LocalServer & { url: string }> {
  const port = await freePort();
  const server = new LocalServer(port, 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  return Object.assign(server, { url: `redis://127.0.0.1:${port}` });
}

function mongoBinary(): { command: string; args: (port: number, dir: string) => string[] } {
  const has = (bin: string) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${bin}`])
        .toString()
        .trim();
    } catch {
      return '';
    }
  };
  const mongod = has('mongod');
  if (mongod) {
    return {
      command: mongod,
      args: (p, d) => ['--bind_ip', '127.0.0.1', '--port', String(p), '--dbpath', d, '--quiet'],
    };
  }
  const home = process.env.HOME ?? '/root';
  const ferret = has('ferretdb') || join(process.env.GOBIN ?? join(home, 'go', 'bin'), 'ferretdb');
  return {
    command: ferret,
    args: (p, d) => [
      '--handler=sqlite',
      `--sqlite-url=file:${d}/`,
      `--listen-addr=127.0.0.1:${p}`,
      `--state-dir=${d}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ],
  };
}

export async function privateMongo(): Promise<LocalServer & { uri: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'screener-mongo-'));
  const bin = mongoBinary();
  const server = new LocalServer(port, bin.command, bin.args(port, dir));
  return Object.assign(server, { uri: `mongodb://127.0.0.1:${port}/screener_test` });
}

/** Polls `fn` until it returns true or the deadline passes (then fails with `what`). */
export async function eventually(
  fn: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
