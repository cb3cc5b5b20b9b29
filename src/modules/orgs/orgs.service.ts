import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/common/errors';
import type { OrgContext } from '../../common/tenancy/org-context';
import { AuditService } from '../audit/audit.service';
import type { OrgResponseDto } from './dto/org.response.dto';
import { OrgsRepository } from './orgs.repository';

@Injectable()
export class OrgsService {
  constructor(
    private readonly orgs: OrgsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates a tenant; only operator tooling (the CLI) calls this. */
  async create(name: string, actor = 'cli'): Promise<OrgResponseDto> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) {
      throw new DomainError(
        'ORG.INVALID_NAME',
        'An org name is 1 to 200 characters.',
        'validation',
      );
    }
    const org = await this.orgs.create(trimmed);
    const id = org._id.toHexString();
    await this.audit.record({
      action: 'org.created',
      orgId: id,
      actor: { sub: actor, kind: 'system' },
      details: { name: trimmed },
    });
    return { id, name: org.name, status: org.status, createdAt: org.createdAt };
  }

  /** The caller's own org (from the token); a deleted org reads as not found. */
  async current(ctx: OrgContext): Promise<OrgResponseDto> {
    const org = await this.orgs.findById(ctx.orgId);
    if (!org)
      throw new DomainError('ORG.NOT_FOUND', 'The organization was not found.', 'not_found');
    return { id: ctx.orgId, name: org.name, status: org.status, createdAt: org.createdAt };
  }

  async exists(orgId: string): Promise<boolean> {
    return (await this.orgs.findById(orgId)) !== null;
  }
}
