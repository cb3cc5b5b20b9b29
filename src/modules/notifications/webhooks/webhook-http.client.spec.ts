import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookHttpClient } from './webhook-http.client';
import { Resolver, WebhookTargetPolicy } from './webhook-target.policy';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A real loopback receiver; `handler` decides each response. */
async function receiver(
  handler: Handler,
): Promise<{ server: Server; url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url} ${req.headers.host}`);
      handler(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, hits };
}

const close = (s: Server) => new Promise((r) => (s.closeAllConnections(), s.close(r)));
const dns: Resolver = async (host) =>
  host === 'hooks.test' ? [{ address: '127.0.0.1', family: 4 }] : [];
const options = { timeoutMs: 2000, maxResponseBytes: 1024, maxRedirects: 2 };

describe(WebhookHttpClient.name, () => {
  const servers: Server[] = [];
  const start = async (h: Handler) => {
    const r = await receiver(h);
    servers.push(r.server);
    return r;
  };
  const sut = new WebhookHttpClient(new WebhookTargetPolicy(true, dns), options);

  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  it('POSTs the exact body and headers and reports status, latency and a snippet', async () => {
    let seen: { body: string; sig?: string; type?: string } | undefined;
    const r = await start((req, body, res) => {
      seen = {
        body,
        sig: req.headers['webhook-signature'] as string,
        type: req.headers['content-type'],
      };
      res.writeHead(202).end('accepted');
    });
    const result = await sut.post(`${r.url}/in`, '{"a":1}', {
      'content-type': 'application/cloudevents+json',
      'webhook-signature': 't=1,v1=ab',
    });
    expect(result).toMatchObject({ statusCode: 202, responseSnippet: 'accepted' });
    expect(result.latencyMs).toEqual(expect.any(Number));
    expect(seen).toEqual({
      body: '{"a":1}',
      sig: 't=1,v1=ab',
      type: 'application/cloudevents+json',
    });
  });

  it('connects to the address it vetted, keeping the original Host', async () => {
    const r = await start((_req, _body, res) => res.end('ok'));
    const port = new URL(r.url).port;
    const result = await sut.post(`http://hooks.test:${port}/x`, '{}', {});
    expect(result.statusCode).toBe(200);
    expect(r.hits).toEqual([`POST /x hooks.test:${port}`]);
  });

  it('reads at most the configured number of response bytes', async () => {
    const r = await start((_req, _body, res) => {
      res.writeHead(200);
      res.write('x'.repeat(64 * 1024));
      // Never ends: the client must stop reading at the cap rather than wait.
    });
    const result = await sut.post(r.url, '{}', {});
    expect(result.statusCode).toBe(200);
    expect(result.error).toBeUndefined();
    expect(result.responseSnippet?.length).toBe(512);
  });

  it('gives up at the deadline when the receiver does not answer', async () => {
    const r = await start(() => undefined);
    const quick = new WebhookHttpClient(new WebhookTargetPolicy(true, dns), {
      ...options,
      timeoutMs: 300,
    });
    const result = await quick.post(r.url, '{}', {});
    expect(result).toMatchObject({ errorCode: 'WEBHOOK.TIMEOUT' });
    expect(result.statusCode).toBeUndefined();
  });

  it('follows a redirect with the same POST body', async () => {
    const bodies: string[] = [];
    const r = await start((req, body, res) => {
      bodies.push(`${req.url}:${body}`);
      if (req.url === '/old') res.writeHead(308, { location: '/new' }).end();
      else res.writeHead(200).end();
    });
    const result = await sut.post(`${r.url}/old`, '{"n":1}', {});
    expect(result.statusCode).toBe(200);
    expect(bodies).toEqual(['/old:{"n":1}', '/new:{"n":1}']);
  });

  it('checks every redirect hop: a redirect to cloud metadata is refused', async () => {
    const r = await start((_req, _body, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    const result = await sut.post(r.url, '{}', {});
    expect(result).toMatchObject({ errorCode: 'WEBHOOK.TARGET_FORBIDDEN' });
    expect(result.statusCode).toBeUndefined();
  });

  it('stops after the redirect limit', async () => {
    const r = await start((_req, _body, res) => res.writeHead(307, { location: '/again' }).end());
    const result = await sut.post(r.url, '{}', {});
    expect(result).toMatchObject({ statusCode: 307, errorCode: 'WEBHOOK.TOO_MANY_REDIRECTS' });
    expect(r.hits).toHaveLength(3);
  });

  it('under production rules never connects to a loopback receiver', async () => {
    const r = await start((_req, _body, res) => res.end());
    const prod = new WebhookHttpClient(new WebhookTargetPolicy(false, dns), options);
    const result = await prod.post(r.url, '{}', {});
    expect(result).toMatchObject({ errorCode: 'WEBHOOK.TARGET_FORBIDDEN' });
    expect(r.hits).toHaveLength(0);
  });

  it('reports a refused connection as a network error', async () => {
    const r = await start((_req, _body, res) => res.end());
    await close(r.server);
    const result = await sut.post(r.url, '{}', {});
    expect(result).toMatchObject({ errorCode: 'WEBHOOK.NETWORK_ERROR' });
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});
