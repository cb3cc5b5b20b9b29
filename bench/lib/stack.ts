import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { projectRoot } from './paths';
import { AppProc, ServerProc, startMongo, startRedis } from './services';

/** Rate limits raised so that the load generator, not the throttler, is what is measured. */
export const BENCH_LIMITS = {
  THROTTLE_IP_LIMIT: '1000000',
  THROTTLE_CLIENT_LIMIT: '1000000',
  THROTTLE_UPLOAD_LIMIT: '1000000',
  THROTTLE_AUTH_LIMIT: '100000',
};

export interface StackOptions {
  workers: number;
  concurrency?: number;
  redisAof?: boolean;
  env?: Record<string, string>;
  /** Roles of the tenant's client (default recruiter); e.g. add admin to manage webhooks. */
  roles?: string[];
}

/** Private Mongo + Redis + one API + N workers, all real processes, torn down by `stop()`. */
export class Stack {
  readonly workers: AppProc[] = [];
  api!: AppProc;
  mongo!: ServerProc & { uri: string; engine: string };
  redis!: ServerProc & { url: string };
  token = '';
  private db?: mongoose.Connection;

  constructor(private readonly opts: StackOptions) {}

  get env(): Record<string, string> {
    return {
      MONGO_URI: this.mongo.uri,
      REDIS_URL: this.redis.url,
      WORKER_CONCURRENCY: String(this.opts.concurrency ?? 4),
      ...BENCH_LIMITS,
      ...this.opts.env,
    };
  }

  async start(): Promise<this> {
    [this.mongo, this.redis] = await Promise.all([startMongo(), startRedis(!!this.opts.redisAof)]);
    this.api = await AppProc.start('api', this.env);
    for (let i = 0; i < this.opts.workers; i++)
      this.workers.push(await AppProc.start('worker', this.env));
    this.token = await this.createTenant();
    return this;
  }

  private cli(args: string[]): string {
    const bin = join(projectRoot(), 'bin', 'screener.js');
    return execFileSync(process.execPath, [bin, ...args], {
      env: { ...process.env, ...this.env, NODE_OPTIONS: '', LOG_LEVEL: 'error' },
    }).toString();
  }

  /** A fresh org and a client (recruiter unless `roles`) through the CLI, then a token from POST /auth/token. */
  async createTenant(): Promise<string> {
    const org = JSON.parse(this.cli(['orgs', 'create', `bench-${Date.now()}`, '--json'])) as {
      id: string;
    };
    const client = JSON.parse(
      this.cli([
        'clients',
        'create',
        '--org',
        org.id,
        '--roles',
        (this.opts.roles ?? ['recruiter']).join(','),
        '--json',
      ]),
    ) as { clientId: string; clientSecret: string };
    const res = await this.http('POST', '/auth/token', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`token: ${res.status} ${res.text}`);
    return (res.json as { access_token: string }).access_token;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.api.port}${path}`;
  }

  async http(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; text: string }> {
    const res = await fetch(this.url(path), {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  }

  async createJob(): Promise<string> {
    const res = await this.http('POST', '/jobs', {
      title: 'Senior Backend Engineer',
      description: 'Node.js and TypeScript services on Kubernetes.',
      requiredSkills: ['Node.js', 'TypeScript', 'MongoDB'],
      preferredSkills: ['Kubernetes', 'Redis'],
      minYears: 3,
      educationLevel: 'bachelor',
      status: 'open',
    });
    if (res.status !== 201) throw new Error(`job: ${res.status} ${res.text}`);
    return (res.json as { id: string }).id;
  }

  /** Multipart upload; resolves to status and applicationId (undefined unless 202). */
  async upload(
    jobId: string,
    file: Buffer,
    name: string,
  ): Promise<{ status: number; id?: string; code?: string }> {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    const res = await fetch(this.url(`/jobs/${jobId}/applications`), {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
    const body = (await res.json().catch(() => ({}))) as {
      applicationId?: string;
      error?: { code?: string };
    };
    return { status: res.status, id: body.applicationId, code: body.error?.code };
  }

  async mongoDb() {
    this.db ??= await mongoose
      .createConnection(this.mongo.uri, { serverSelectionTimeoutMS: 30_000 })
      .asPromise();
    return this.db.db!;
  }

  async stop(): Promise<void> {
    await this.db?.close().catch(() => undefined);
    await Promise.all([this.api, ...this.workers].filter(Boolean).map((p) => p.kill('SIGTERM')));
    await Promise.all([this.mongo, this.redis].filter(Boolean).map((p) => p.kill('SIGKILL')));
  }
}
