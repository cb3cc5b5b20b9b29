import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** Polls `fn` every 200 ms until it returns true; throws `what` after `timeoutMs`. */
export async function until(
  fn: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

/** A child process with a log file that can be killed and started again with the same args. */
export class Proc {
  child?: ChildProcess;
  readonly logFile: string;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.logFile = join(mkdtempSync(join(tmpdir(), `bench-${name}-`)), 'out.log');
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  spawn(): void {
    const fd = openSync(this.logFile, 'a');
    this.child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  tail(lines = 20): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

/** A TCP server process (Redis, FerretDB/mongod) on a fixed port, restartable on the same data. */
export class ServerProc extends Proc {
  constructor(
    name: string,
    readonly port: number,
    command: string,
    args: string[],
  ) {
    super(name, command, args);
  }

  async start(): Promise<void> {
    this.spawn();
    await until(() => portOpen(this.port), `${this.name} on port ${this.port}`, 20_000);
  }
}

/** A private Redis; `aof` turns on appendonly with fsync every second, as in production. */
export async function startRedis(aof: boolean): Promise<ServerProc & { url: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const persistence = aof
    ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir]
    : ['--appendonly', 'no'];
  const server = new ServerProc('redis', port, 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    ...persistence,
  ]);
  await server.start();
  return Object.assign(server, { url: `redis://127.0.0.1:${port}` });
}

function which(bin: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`])
      .toString()
      .trim();
  } catch {
    return '';
  }
}

/** A private MongoDB-protocol server: mongod when installed, else FerretDB (SQLite). */
export async function startMongo(): Promise<ServerProc & { uri: string; engine: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-mongo-'));
  const mongod = which('mongod');
  const ferret = which('ferretdb') || join(process.env.HOME ?? '/root', 'go', 'bin', 'ferretdb');
  const server = mongod
    ? new ServerProc('mongod', port, mongod, [
        '--bind_ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--dbpath',
        dir,
        '--quiet',
      ])
    : new ServerProc('ferretdb', port, ferret, [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        `--state-dir=${dir}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=error',
      ]);
  await server.start();
  const engine = mongod ? 'mongod' : 'FerretDB v1 (SQLite handler)';
  return Object.assign(server, { uri: `mongodb://127.0.0.1:${port}/screener_bench`, engine });
}

/** `node dist/src/{main,worker}.js` on its own port; `ready()` waits for /health/ready = 200. */
export class AppProc extends Proc {
  constructor(
    readonly kind: 'api' | 'worker',
    readonly port: number,
    env: Record<string, string>,
  ) {
    const entry = join(projectRoot(), 'dist', 'src', kind === 'api' ? 'main.js' : 'worker.js');
    super(kind, process.execPath, [entry], {
      ...process.env,
      NODE_OPTIONS: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      [kind === 'api' ? 'PORT' : 'WORKER_PORT']: String(port),
      ...env,
    });
  }

  static async start(kind: 'api' | 'worker', env: Record<string, string>): Promise<AppProc> {
    const p = new AppProc(kind, await freePort(), env);
    p.spawn();
    await p.ready();
    return p;
  }

  async ready(timeoutMs = 90_000): Promise<void> {
    await until(
      async () => {
        if (!this.running) throw new Error(`${this.kind} exited:\n${this.tail()}`);
        const res = await fetch(`http://127.0.0.1:${this.port}/health/ready`);
        return res.status === 200;
      },
      `${this.kind} ready on ${this.port}`,
      timeoutMs,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n--- ${this.logFile}\n${this.tail()}`);
    });
  }

  async restart(): Promise<void> {
    this.spawn();
    await this.ready();
  }
}

/** Sum of every sample of `name` whose labels include `labels`, from Prometheus text. */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? ([^ ]+)/.exec(line);
    if (!m || m[1] !== name) continue;
    if (Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`)))
      sum += Number(m[3]);
  }
  return sum;
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 100 ticks/s). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}
