import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/modules/notifications/webhooks/webhook-signature';
import { sleep } from '../lib/services';

/** One request as the receiver saw it. */
export interface Receipt {
  webhookId: string;
  /** CloudEvents `type`, e.g. application.screened. */
  type?: string;
  applicationId?: string;
  /** Webhook-Attempt header (informational, unsigned). */
  attempt: number;
  /** Epoch ms when the request body was complete. */
  at: number;
  signatureOk: boolean;
  status: number;
  /** The 2xx answer was fully written to the socket: the sender can have seen it. */
  acked: boolean;
}

/**
 * A portal's webhook receiver on loopback: verifies each signature with the endpoint's secret
 * (the project's own verification), answers 204 (401 on a bad signature) and records every
 * request. `down()` closes the listening socket, so senders get connection refused, and
 * `up()` listens again on the same port.
 */
export class DrillReceiver {
  readonly receipts: Receipt[] = [];
  /** Set once the endpoint is registered; no event is published before that. */
  secret = '';
  port = 0;
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/screener`;
  }

  async up(): Promise<void> {
    // The port was just released; a few retries cover a slow socket teardown.
    for (let attempt = 1; ; attempt++) {
      const server = createServer((req, res) => this.onRequest(req, res));
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(this.port, '127.0.0.1', () => resolve());
        });
        this.server = server;
        this.port = (server.address() as AddressInfo).port;
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await sleep(250);
      }
    }
  }

  /** Stops accepting; requests already being answered finish (a receiver shutting down cleanly). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    await Promise.race([closed, sleep(5000)]);
    server.closeAllConnections();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signatureOk = verifySignature(
        body,
        String(req.headers['webhook-signature'] ?? ''),
        this.secret,
      );
      let event: { type?: string; data?: { applicationId?: string } } = {};
      try {
        event = JSON.parse(body) as typeof event;
      } catch {
        /* recorded with no type; counts as unexpected */
      }
      const receipt: Receipt = {
        webhookId: String(req.headers['webhook-id'] ?? ''),
        type: event.type,
        applicationId: event.data?.applicationId,
        attempt: Number(req.headers['webhook-attempt'] ?? 0),
        at: Date.now(),
        signatureOk,
        status: signatureOk ? 204 : 401,
        acked: false,
      };
      this.receipts.push(receipt);
      res.once('finish', () => (receipt.acked = receipt.status < 300));
      res.writeHead(receipt.status).end();
    });
  }
}
