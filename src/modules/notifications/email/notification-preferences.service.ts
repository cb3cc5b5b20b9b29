import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { EmailPreferenceRepository } from './email-preference.repository';

export interface PreferencesView {
  digests: boolean;
}

/** Per-user e-mail settings: through the API when signed in, or the one-click link in a mail. */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly preferences: EmailPreferenceRepository) {}

  async get(ctx: OrgContext): Promise<PreferencesView> {
    const p = await this.preferences.ensure(ctx.orgId, this.userOf(ctx));
    return { digests: p.digests };
  }

  async set(ctx: OrgContext, digests: boolean): Promise<PreferencesView> {
    const p = await this.preferences.setDigests(ctx.orgId, this.userOf(ctx), digests);
    return { digests: p.digests };
  }

  async unsubscribe(token: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token) || !(await this.preferences.unsubscribeByToken(token))) {
      throw new DomainError(
        'NOTIFY.UNSUBSCRIBE_LINK_INVALID',
        'This unsubscribe link is not valid.',
        'not_found',
      );
    }
  }

  private userOf(ctx: OrgContext): string {
    if (ctx.actor.kind !== 'user') {
      throw new DomainError(
        'NOTIFY.USERS_ONLY',
        'E-mail preferences belong to people, not service clients.',
        'forbidden',
      );
    }
    return ctx.actor.sub;
  }
}
