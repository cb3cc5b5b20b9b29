import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw body exactly as received (what the signature covers). */
  body: string;
}

/** What the receiver does with one request: a status, or its own handling. */
export type Reply = number | ((req: ReceivedWebhook, res: ServerResponse) => void);

/**
 * A real HTTP receiver on loopback, as a portal would run it. Replies come from a queue per
 * path (then `fallback`), so a test can script "500, 500, 500, then 200".
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, Reply[]>();
  private server?: Server;
  fallback: Reply = 200;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        this.handle(
          {
            path: req.url ?? '/',
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          },
          res,
        ),
      );
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Replies for the next requests to `path`, in order. */
  script(path: string, ...replies: Reply[]): void {
    this.scripts.set(path, replies);
  }

  to(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private handle(req: ReceivedWebhook, res: ServerResponse): void {
    this.received.push(req);
    const reply = this.scripts.get(req.path)?.shift() ?? this.fallback;
    if (typeof reply === 'function') return reply(req, res);
    res
      .writeHead(reply, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: reply }));
  }
}
