import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../helpers/local-services';

export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  groups?: string[];
  name?: string;
}

export interface IdpClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
}

/** A real oidc-provider in a child process (ESM, so it runs outside Jest's module system). */
export class TestIdp {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(clients: IdpClient[], accounts: Record<string, IdpAccount>): Promise<TestIdp> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
      env: {
        PATH: process.env.PATH,
        IDP_PORT: String(port),
        IDP_CONFIG: JSON.stringify({ clients, accounts }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += String(d)));
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`IdP did not start: ${stderr}`)), 15_000);
      child.stdout?.on('data', (d) => {
        const m = /READY (\S+)/.exec(String(d));
        if (!m) return;
        clearTimeout(timer);
        resolve(m[1]);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`IdP exited ${code}: ${stderr}`));
      });
    });
    return new TestIdp(child, issuer);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Plays the browser: follows redirects from `url` (keeping the IdP's cookies) until one points
 * under `stopAt` (our redirect URI), and returns that URL.
 */
export async function followToCallback(url: string, stopAt: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(stopAt)) return new URL(next);
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`no redirect from ${next}: ${res.status} ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects');
}
