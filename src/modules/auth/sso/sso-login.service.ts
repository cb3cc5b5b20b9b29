import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import { AuditService } from '../../audit/audit.service';
import { SECURITY_EVENT } from '../security-events';
import type { RequestMeta } from '../tokens/token-grant.service';
import { IssuedToken, TokenService } from '../tokens/token.service';
import { oidc, OidcClients } from './oidc-clients';
import { SsoConfigService } from './sso-config.service';
import { resolveIdentity } from './sso-policy';
import { SsoStateStore } from './sso-state.store';
import { SsoUserRepository } from './sso.repositories';

const STATE = /^[\w-]{16,128}$/;

const stateInvalid = () =>
  new DomainError(
    'SSO.STATE_INVALID',
    'The sign-in attempt is unknown, expired or already used.',
    'validation',
  );

/** OIDC authorization code flow with PKCE (S256), state and nonce; ends with our own token. */
@Injectable()
export class SsoLoginService {
  private readonly logger = new Logger(SsoLoginService.name);

  constructor(
    private readonly configs: SsoConfigService,
    private readonly clients: OidcClients,
    private readonly states: SsoStateStore,
    private readonly users: SsoUserRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /** Returns the IdP URL to send the browser to. */
  async start(orgId: string, loginHint?: string): Promise<string> {
    const sso = await this.configs.forLogin(orgId);
    const client = await this.discover(orgId, sso);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.states.put(state, { orgId, codeVerifier, nonce });
    const params: Record<string, string> = {
      redirect_uri: this.configs.redirectUri,
      scope: sso.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (loginHint) params.login_hint = loginHint;
    return oidc.buildAuthorizationUrl(client, params).href;
  }

  /** `search` is the callback's raw query string (`?code=…&state=…`). */
  async complete(search: string, meta: RequestMeta): Promise<IssuedToken> {
    const query = new URLSearchParams(search);
    const state = query.get('state') ?? '';
    const pending = STATE.test(state) ? await this.states.take(state) : null;
    if (!pending) throw stateInvalid();
    const base = { orgId: pending.orgId, ip: meta.ip ?? null, requestId: meta.requestId ?? null };
    try {
      const sso = await this.configs.forLogin(pending.orgId);
      const client = await this.discover(pending.orgId, sso);
      const claims = await this.exchange(client, search, state, pending);
      const identity = resolveIdentity(claims, sso);
      const user = await this.users.recordLogin(pending.orgId, { issuer: sso.issuer, ...identity });
      const sub = user._id.toHexString();
      const token = await this.tokens.issue({
        sub,
        orgId: pending.orgId,
        roles: identity.roles,
        kind: 'user',
      });
      await this.audit.record({
        ...base,
        actor: { sub, kind: 'user' },
        action: SECURITY_EVENT.ssoLogin,
        details: { email: identity.email, roles: identity.roles, issuer: sso.issuer },
      });
      return token;
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'SSO.LOGIN_FAILED';
      await this.audit.record({ ...base, action: SECURITY_EVENT.ssoFailed, details: { code } });
      throw err;
    }
  }

  private async discover(orgId: string, sso: Awaited<ReturnType<SsoConfigService['forLogin']>>) {
    const key = `${orgId}:${new Date(sso.updatedAt).getTime()}`;
    try {
      return await this.clients.get(key, {
        issuer: sso.issuer,
        clientId: sso.clientId,
        clientSecret: sso.plainSecret,
      });
    } catch (err) {
      this.logger.warn(`OIDC discovery failed for org ${orgId}: ${(err as Error).message}`);
      throw new DomainError(
        'SSO.IDP_UNAVAILABLE',
        'The identity provider could not be reached.',
        'unavailable',
      );
    }
  }

  /** Code → tokens (PKCE, state, nonce and ID token checked) → claims, with UserInfo merged in. */
  private async exchange(
    client: oidc.Configuration,
    search: string,
    state: string,
    pending: { codeVerifier: string; nonce: string },
  ): Promise<Record<string, unknown>> {
    const currentUrl = new URL(this.configs.redirectUri);
    currentUrl.search = search;
    try {
      const tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims() as Record<string, unknown>;
      if (!client.serverMetadata().userinfo_endpoint) return claims;
      // Many IdPs put e-mail and groups only in UserInfo; it must name the ID token's subject.
      const info = await oidc.fetchUserInfo(client, tokens.access_token, String(claims.sub));
      return { ...claims, ...info, sub: claims.sub };
    } catch (err) {
      this.logger.warn(`OIDC code exchange failed: ${(err as Error).message}`);
      throw new DomainError(
        'SSO.CODE_EXCHANGE_FAILED',
        'The sign-in could not be completed.',
        'unauthorized',
      );
    }
  }
}
