import { DomainError } from '../../../../libs/common/errors';
import type { AppConfig } from '../../../config/app-config';
import { Resolver, WebhookTargetPolicy } from './webhook-target.policy';

const resolver =
  (table: Record<string, string[]>): Resolver =>
  async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const dns = resolver({
  'portal.example.com': ['93.184.216.34'],
  'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
  'meta.example.com': ['169.254.169.254'],
  'v6.example.com': ['::ffff:10.0.0.5'],
  localhost: ['127.0.0.1', '::1'],
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe(WebhookTargetPolicy.name, () => {
  describe('production rules (allowPrivate off)', () => {
    const sut = new WebhookTargetPolicy(false, dns);

    it('accepts an https URL whose host resolves to public addresses', async () => {
      const target = await sut.vet('https://portal.example.com/hooks?x=1');
      expect(target.address).toBe('93.184.216.34');
      expect(target.url.pathname).toBe('/hooks');
    });

    it('requires https', async () => {
      const err = await refusal(sut.vet('http://portal.example.com/hooks'));
      expect(err).toMatchObject({
        code: 'WEBHOOK.TARGET_FORBIDDEN',
        details: { reason: 'https_required' },
      });
    });

    it.each([
      'https://127.0.0.1/',
      'https://localhost:8443/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://10.0.0.8/',
      'https://192.168.0.10/',
      'https://169.254.169.254/latest/meta-data/',
      'https://meta.example.com/',
      'https://v6.example.com/',
      'https://0.0.0.0/',
    ])('refuses %s after resolution', async (url) => {
      const err = await refusal(sut.vet(url));
      expect(err).toMatchObject({
        code: 'WEBHOOK.TARGET_FORBIDDEN',
        details: { reason: 'forbidden_address' },
      });
    });

    it('refuses a name with any private answer among public ones', async () => {
      await refusal(sut.vet('https://rebind.example.com/'));
    });

    it('refuses credentials in the URL and unresolvable hosts', async () => {
      expect(await refusal(sut.vet('https://u:p@portal.example.com/'))).toMatchObject({
        details: { reason: 'credentials_in_url' },
      });
      expect(await refusal(sut.vet('https://nowhere.example.com/'))).toMatchObject({
        code: 'WEBHOOK.TARGET_UNRESOLVABLE',
      });
      expect(await refusal(sut.vet('not a url'))).toMatchObject({
        details: { reason: 'not_a_url' },
      });
    });
  });

  describe('with WEBHOOKS_ALLOW_PRIVATE', () => {
    const sut = new WebhookTargetPolicy(true, dns);

    it('admits http and loopback or private targets', async () => {
      expect((await sut.vet('http://127.0.0.1:8080/x')).address).toBe('127.0.0.1');
      expect((await sut.vet('http://localhost/x')).address).toBe('127.0.0.1');
      expect((await sut.vet('https://10.1.1.1/')).address).toBe('10.1.1.1');
    });

    it('still refuses link-local (cloud metadata) and other schemes', async () => {
      await refusal(sut.vet('http://169.254.169.254/'));
      await refusal(sut.vet('ftp://127.0.0.1/'));
    });
  });

  it('refuses to start with the switch on in production', () => {
    const config = { WEBHOOKS_ALLOW_PRIVATE: true, NODE_ENV: 'production' } as AppConfig;
    expect(() => WebhookTargetPolicy.fromConfig(config)).toThrow(/production/);
    const off = { WEBHOOKS_ALLOW_PRIVATE: false, NODE_ENV: 'production' } as AppConfig;
    expect(WebhookTargetPolicy.fromConfig(off).allowPrivate).toBe(false);
  });
});
