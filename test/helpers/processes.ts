import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { eventually, freePort } from './local-services';

const ROOT = join(__dirname, '..', '..');
const ENTRY = {
  api: join(ROOT, 'dist', 'src', 'main.js'),
  worker: join(ROOT, 'dist', 'src', 'worker.js'),
} as const;

export type ProcessKind = keyof typeof ENTRY;

/** A GET on loopback without keep-alive; resolves to status and body (never rejects on HTTP errors). */
export function httpGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** One compiled API or worker process (`dist/`), with its log file kept for post-mortems. */
export class AppProcess {
  readonly exited: Promise<number | null>;

  private constructor(
    readonly kind: ProcessKind,
    readonly port: number,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((r) => child.once('exit', (code) => r(code)));
  }

  /**
   * Spawns `node dist/src/{main,worker}.js` on a free port with the test environment plus `env`,
   * and waits until `/health/ready` answers 200 (Mongo, Redis, and for a worker the model).
   */
  static async start(
    kind: ProcessKind,
    env: Record<string, string> = {},
    readyTimeoutMs = 60_000,
  ): Promise<AppProcess> {
    const port = await freePort();
    const logFile = join(mkdtempSync(join(tmpdir(), `screener-${kind}-`)), 'out.log');
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [ENTRY[kind]], {
      env: {
        ...process.env,
        // Jest's --experimental-vm-modules is not needed (nor wanted) in plain Node.
        NODE_OPTIONS: '',
        LOG_LEVEL: 'warn',
        [kind === 'api' ? 'PORT' : 'WORKER_PORT']: String(port),
        ...env,
      },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const proc = new AppProcess(kind, port, child, logFile);
    await proc.waitReady(readyTimeoutMs);
    return proc;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitReady(timeoutMs = 60_000): Promise<void> {
    await eventually(
      async () => {
        if (!this.running) throw new Error(`${this.kind} exited: ${this.tail()}`);
        return (await httpGet(this.port, '/health/ready')).status === 200;
      },
      `${this.kind} on port ${this.port} to be ready`,
      timeoutMs,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- ${this.logFile}:\n${this.tail()}`);
    });
  }

  /** The Prometheus text of this process's `/metrics`. */
  async metrics(): Promise<string> {
    const res = await httpGet(this.port, '/metrics');
    if (res.status !== 200) throw new Error(`${this.kind} /metrics answered ${res.status}`);
    return res.body;
  }

  /** Sends `signal` and resolves to the exit code (null when killed by a signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  /** Last lines of the process's log, for failure messages. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

/** Sum of every sample of `name` whose labels include all of `labels` in Prometheus text. */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? ([^ ]+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const set = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}

/**
 * Debian's nginx running the production nginx.conf rendered by deploy/nginx/render-conf.sh in
 * plain-HTTP mode, in front of `apiPorts`.
 */
export class NginxProcess {
  private constructor(
    readonly port: number,
    readonly prefix: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(
    apiPorts: number[],
    opts: { rateLimit?: boolean } = {},
  ): Promise<NginxProcess> {
    const port = await freePort();
    const prefix = mkdtempSync(join(tmpdir(), 'screener-nginx-'));
    const args = ['--mode', 'plain', '--prefix', prefix, '--listen', `127.0.0.1:${port}`];
    args.push('--api', apiPorts.map((p) => `127.0.0.1:${p}`).join(','));
    if (opts.rateLimit === false) args.push('--no-rate-limit');
    try {
      execFileSync('sh', ['-c', 'command -v nginx'], { stdio: 'ignore' });
    } catch {
      throw new Error("multi-instance tests need Debian's nginx on PATH (apt-get install nginx)");
    }
    const conf = execFileSync(join(ROOT, 'deploy', 'nginx', 'render-conf.sh'), args);
    writeFileSync(join(prefix, 'nginx.conf'), conf);
    const child = spawn(
      'nginx',
      // -e: the startup error log, before the config is read (non-root cannot open /var/log).
      [
        '-p',
        prefix,
        '-e',
        join(prefix, 'error.log'),
        '-c',
        join(prefix, 'nginx.conf'),
        '-g',
        'daemon off;',
      ],
      { stdio: 'ignore' },
    );
    const nginx = new NginxProcess(port, prefix, child);
    // Plain mode has no /nginx-health (it lives in the port-80 server): probe through a proxy.
    await eventually(
      async () => (await httpGet(port, '/health/live')).status === 200,
      `nginx on port ${port}`,
      15_000,
    ).catch(async (err: Error) => {
      await nginx.stop();
      throw new Error(`${err.message}: ${readLog(join(prefix, 'error.log'))}`);
    });
    return nginx;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGQUIT');
    await exited;
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '(no error log)';
  }
}

/**
 * A database of its own on the test MongoDB (`<db>_<suffix>`). Multi-process runs need one: on the
 * FerretDB engine every filtered query scans its collection, so the shared test database that
 * other suites fill would make each pipeline step seconds slow.
 */
export function isolatedMongoUri(suffix: string, base = process.env.MONGO_URI ?? ''): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, '')}_${suffix}`;
  return url.toString();
}

export async function dropDatabase(uri: string): Promise<void> {
  const conn = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 5_000 })
    .asPromise();
  try {
    await conn.dropDatabase();
  } finally {
    await conn.close();
  }
}
