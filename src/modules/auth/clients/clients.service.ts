import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import type { Role } from '../../../common/security/roles';
import type { OrgContext } from '../../../common/tenancy/org-context';
import type { WithId } from '../../../common/tenancy/org-scoped.repository';
import { AuditService, auditFrom } from '../../audit/audit.service';
import { SECURITY_EVENT } from '../security-events';
import { TokenVersionStore } from '../tokens/token-versions.store';
import type {
  ClientResponseDto,
  CreateClientDto,
  CreatedClientResponseDto,
  ListClientsQueryDto,
  UpdateClientDto,
} from './dto/client.dto';
import {
  DECOY_HASH,
  hashSecret,
  newClientId,
  newClientSecret,
  verifySecret,
} from './secret-hasher';
import type { ServiceClient } from './service-client.schema';
import { ServiceClientRepository } from './service-client.repository';

const toResponse = (c: WithId<ServiceClient>): ClientResponseDto => ({
  clientId: c.clientId,
  name: c.name,
  roles: c.roles,
  status: c.status,
  createdAt: c.createdAt,
  revokedAt: c.revokedAt ?? null,
});

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((r) => b.includes(r));

/** The outcome of checking a client_id/secret pair; `client` is set even when the secret is wrong. */
export interface ClientAuthentication {
  ok: boolean;
  client: WithId<ServiceClient> | null;
  reason?: 'unknown_client' | 'revoked' | 'bad_secret';
}

@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ServiceClientRepository,
    private readonly audit: AuditService,
    private readonly versions: TokenVersionStore,
  ) {}

  async create(ctx: OrgContext, dto: CreateClientDto): Promise<CreatedClientResponseDto> {
    const clientSecret = newClientSecret();
    const client = await this.clients.insert(ctx.orgId, {
      clientId: newClientId(),
      name: dto.name,
      roles: dto.roles,
      secretHash: await hashSecret(clientSecret),
      status: 'active',
      tokenVersion: 1,
      revokedAt: null,
    } as Omit<ServiceClient, 'orgId'>);
    await this.audit.record({
      ...auditFrom(ctx),
      action: SECURITY_EVENT.clientCreated,
      details: { clientId: client.clientId, roles: client.roles },
    });
    return { ...toResponse(client), clientSecret };
  }

  async list(ctx: OrgContext, query: ListClientsQueryDto): Promise<ClientResponseDto[]> {
    const filter = query.status ? { status: query.status } : {};
    const found = await this.clients.find(ctx.orgId, filter, {
      sort: { createdAt: 1 },
      limit: 500,
    });
    return found.map(toResponse);
  }

  async get(ctx: OrgContext, clientId: string): Promise<ClientResponseDto> {
    return toResponse(await this.require(ctx, clientId));
  }

  async update(
    ctx: OrgContext,
    clientId: string,
    dto: UpdateClientDto,
  ): Promise<ClientResponseDto> {
    const before = await this.require(ctx, clientId);
    const rolesChanged = dto.roles !== undefined && !sameRoles(dto.roles, before.roles);
    const set = {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(rolesChanged && { roles: dto.roles }),
    };
    if (Object.keys(set).length === 0) return toResponse(before);
    const updated = await this.clients.updateOne(
      ctx.orgId,
      { clientId },
      { $set: set, ...(rolesChanged && { $inc: { tokenVersion: 1 } }) },
    );
    if (!updated)
      throw new DomainError('CLIENT.NOT_FOUND', 'The client was not found.', 'not_found');
    if (rolesChanged) {
      // Tokens minted with the old roles stop working at once, on every instance.
      await this.versions.raise(updated.clientId, updated.tokenVersion);
      await this.audit.record({
        ...auditFrom(ctx),
        action: SECURITY_EVENT.clientRolesChanged,
        details: { clientId, from: before.roles, to: updated.roles },
      });
    }
    return toResponse(updated);
  }

  /** Revokes the client and every token it holds; idempotent. */
  async revoke(ctx: OrgContext, clientId: string): Promise<void> {
    const client = await this.require(ctx, clientId);
    if (client.status === 'revoked') return;
    const updated = await this.clients.updateOne(
      ctx.orgId,
      { clientId, status: 'active' },
      { $set: { status: 'revoked', revokedAt: new Date() }, $inc: { tokenVersion: 1 } },
    );
    if (!updated) return;
    await this.versions.raise(updated.clientId, updated.tokenVersion);
    await this.audit.record({
      ...auditFrom(ctx),
      action: SECURITY_EVENT.clientRevoked,
      details: { clientId },
    });
  }

  /** Checks a secret in constant work whether or not the client exists. */
  async authenticate(clientId: string, secret: string): Promise<ClientAuthentication> {
    const client = await this.clients.findForAuthentication(clientId);
    const matches = await verifySecret(secret, client?.secretHash ?? DECOY_HASH);
    if (!client) return { ok: false, client: null, reason: 'unknown_client' };
    if (!matches) return { ok: false, client, reason: 'bad_secret' };
    if (client.status !== 'active') return { ok: false, client, reason: 'revoked' };
    return { ok: true, client };
  }

  private async require(ctx: OrgContext, clientId: string): Promise<WithId<ServiceClient>> {
    const found = await this.clients.findByClientId(ctx.orgId, clientId);
    if (!found) throw new DomainError('CLIENT.NOT_FOUND', 'The client was not found.', 'not_found');
    return found;
  }
}
