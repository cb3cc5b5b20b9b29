import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '../../../config/app-config';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Plain client secret, or null for a public client. */
  clientSecret: string | null;
}

const CACHE_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 5;

/**
 * openid-client configurations (discovery documents, JWKS) per org, cached in memory for ten
 * minutes; a failed discovery is not cached. Confidential clients use client_secret_basic.
 */
@Injectable()
export class OidcClients {
  private readonly cache = new Map<string, { config: Promise<oidc.Configuration>; at: number }>();

  constructor(private readonly app: AppConfig) {}

  get(cacheKey: string, settings: OidcSettings): Promise<oidc.Configuration> {
    const hit = this.cache.get(cacheKey);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
    const config = this.discover(settings);
    this.cache.set(cacheKey, { config, at: Date.now() });
    config.catch(() => this.cache.delete(cacheKey));
    return config;
  }

  private discover(s: OidcSettings): Promise<oidc.Configuration> {
    const auth = s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None();
    return oidc.discovery(new URL(s.issuer), s.clientId, undefined, auth, {
      timeout: TIMEOUT_SECONDS,
      execute: this.app.SSO_ALLOW_HTTP_ISSUERS ? [oidc.allowInsecureRequests] : [],
    });
  }
}

export { oidc };
