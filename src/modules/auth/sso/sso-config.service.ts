import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import type { OrgContext } from '../../../common/tenancy/org-context';
import type { WithId } from '../../../common/tenancy/org-scoped.repository';
import { AppConfig } from '../../../config/app-config';
import { AuditService, auditFrom } from '../../audit/audit.service';
import { SecretBox } from '../keys/secret-box';
import { SECURITY_EVENT } from '../security-events';
import type { SsoConfigDto, SsoConfigResponseDto } from './dto/sso.dto';
import type { SsoConfig } from './sso-config.schema';
import { SsoConfigRepository } from './sso.repositories';

export const notConfigured = () =>
  new DomainError(
    'SSO.NOT_CONFIGURED',
    'Single sign-on is not configured for this organization.',
    'not_found',
  );

/** Admin-managed OIDC settings of the caller's org. */
@Injectable()
export class SsoConfigService {
  private readonly box: SecretBox;

  constructor(
    private readonly configs: SsoConfigRepository,
    private readonly audit: AuditService,
    private readonly app: AppConfig,
  ) {
    this.box = new SecretBox(app.AUTH_ENCRYPTION_KEY);
  }

  get redirectUri(): string {
    return `${this.app.SSO_REDIRECT_BASE_URL.replace(/\/+$/, '')}/auth/sso/callback`;
  }

  async save(ctx: OrgContext, dto: SsoConfigDto): Promise<SsoConfigResponseDto> {
    if (!this.app.SSO_ALLOW_HTTP_ISSUERS && !dto.issuer.startsWith('https://')) {
      throw new DomainError(
        'SSO.INSECURE_ISSUER',
        'The issuer must be an https:// URL.',
        'validation',
      );
    }
    const saved = await this.configs.save(ctx.orgId, {
      issuer: dto.issuer.replace(/\/+$/, ''),
      clientId: dto.clientId,
      clientSecret: dto.clientSecret ? this.box.seal(dto.clientSecret) : null,
      allowedDomains: [...new Set(dto.allowedDomains)],
      groupsClaim: dto.groupsClaim ?? 'groups',
      roleMappings: dto.roleMappings.map((m) => ({ group: m.group, roles: m.roles })),
      scopes: dto.scopes ?? 'openid email profile',
      enabled: dto.enabled ?? true,
    });
    await this.audit.record({
      ...auditFrom(ctx),
      action: SECURITY_EVENT.ssoConfigured,
      details: { issuer: saved.issuer, clientId: saved.clientId, roleMappings: saved.roleMappings },
    });
    return this.view(saved);
  }

  async get(ctx: OrgContext): Promise<SsoConfigResponseDto> {
    const found = await this.configs.forOrg(ctx.orgId);
    if (!found) throw notConfigured();
    return this.view(found);
  }

  /** The enabled config with its secret opened, for the login flow. */
  async forLogin(orgId: string): Promise<WithId<SsoConfig> & { plainSecret: string | null }> {
    const found = await this.configs.forOrg(orgId);
    if (!found || !found.enabled) throw notConfigured();
    return { ...found, plainSecret: found.clientSecret ? this.box.open(found.clientSecret) : null };
  }

  private view(c: WithId<SsoConfig>): SsoConfigResponseDto {
    return {
      issuer: c.issuer,
      clientId: c.clientId,
      hasClientSecret: c.clientSecret !== null,
      allowedDomains: c.allowedDomains,
      groupsClaim: c.groupsClaim,
      roleMappings: c.roleMappings.map((m) => ({ group: m.group, roles: m.roles })),
      scopes: c.scopes,
      enabled: c.enabled,
      redirectUri: this.redirectUri,
      loginUrl: `${this.app.SSO_REDIRECT_BASE_URL.replace(/\/+$/, '')}/auth/sso/${c.orgId}/login`,
    };
  }
}
