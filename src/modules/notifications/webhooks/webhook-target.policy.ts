import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DomainError } from '../../../../libs/common/errors';
import type { AppConfig } from '../../../config/app-config';
import { AddressKind, classifyAddress } from './ip-ranges';

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** A URL whose host resolved only to allowed addresses; connect to `address`, nothing else. */
export interface VettedTarget {
  url: URL;
  address: string;
  family: number;
}

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

const forbidden = (reason: string, details: Record<string, unknown> = {}) =>
  new DomainError('WEBHOOK.TARGET_FORBIDDEN', `Webhook target refused: ${reason}.`, 'validation', {
    reason,
    ...details,
  });

/**
 * SSRF rules for webhook targets, applied when an endpoint is saved and again to every hop of
 * every delivery (after DNS resolution, so a name that later points inside is still refused).
 * Production: https only, public addresses only. `allowPrivate` (WEBHOOKS_ALLOW_PRIVATE, for
 * local tests) also admits http, loopback and private ranges; link-local (cloud metadata) and
 * reserved ranges stay refused either way.
 */
export class WebhookTargetPolicy {
  private readonly resolve: Resolver;

  constructor(
    readonly allowPrivate: boolean,
    resolve: Resolver = systemResolver,
  ) {
    this.resolve = resolve;
  }

  static fromConfig(config: AppConfig, resolve?: Resolver): WebhookTargetPolicy {
    if (config.WEBHOOKS_ALLOW_PRIVATE && config.NODE_ENV === 'production') {
      throw new Error('WEBHOOKS_ALLOW_PRIVATE=true is refused when NODE_ENV=production');
    }
    return new WebhookTargetPolicy(config.WEBHOOKS_ALLOW_PRIVATE, resolve);
  }

  isAllowedKind(kind: AddressKind): boolean {
    if (kind === 'public') return true;
    return this.allowPrivate && (kind === 'loopback' || kind === 'private');
  }

  /** Checks that need no DNS: scheme and credentials. */
  checkUrl(raw: string | URL): URL {
    let url: URL;
    try {
      url = new URL(String(raw));
    } catch {
      throw forbidden('not_a_url');
    }
    const schemes = this.allowPrivate ? ['https:', 'http:'] : ['https:'];
    if (!schemes.includes(url.protocol))
      throw forbidden('https_required', { scheme: url.protocol });
    if (url.username || url.password) throw forbidden('credentials_in_url');
    if (!url.hostname) throw forbidden('no_host');
    return url;
  }

  /** Resolves the host; every address it resolves to must be allowed (no mixed answers). */
  async vet(raw: string | URL): Promise<VettedTarget> {
    const url = this.checkUrl(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await this.lookup(host);
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (!this.isAllowedKind(kind)) throw forbidden('forbidden_address', { kind });
    }
    return { url, address: addresses[0].address, family: addresses[0].family };
  }

  private async lookup(host: string): Promise<ResolvedAddress[]> {
    const found = await this.resolve(host).catch(() => []);
    if (!found.length) {
      throw new DomainError(
        'WEBHOOK.TARGET_UNRESOLVABLE',
        `The webhook host ${host} does not resolve.`,
        'validation',
      );
    }
    return found;
  }
}
