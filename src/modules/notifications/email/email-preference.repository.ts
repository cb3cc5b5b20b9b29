import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { OrgScopedRepository, WithId } from '../../../common/tenancy/org-scoped.repository';
import { IndexGate } from '../../compliance/index-gate';
import { EmailPreference } from './email-preference.schema';

export type EmailPreferenceRecord = WithId<EmailPreference>;

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

@Injectable()
export class EmailPreferenceRepository extends OrgScopedRepository<EmailPreference> {
  /** One row per user and unique tokens rely on the unique indexes. */
  private readonly indexes = new IndexGate(() => [this.model]);

  constructor(@InjectModel(EmailPreference.name) model: Model<EmailPreference>) {
    super(model, 'NOTIFY.PREFERENCES_NOT_FOUND');
  }

  /** The user's preferences, created with digests on (and a fresh token) if missing. */
  async ensure(orgId: string, userId: string): Promise<EmailPreferenceRecord> {
    const found = await this.findOne(orgId, { userId });
    if (found) return found;
    await this.indexes.ensure();
    try {
      const token = randomBytes(32).toString('base64url');
      return await this.insert(orgId, {
        userId,
        digests: true,
        unsubscribeToken: token,
      } as EmailPreference);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return (await this.findOne(orgId, { userId })) as EmailPreferenceRecord;
    }
  }

  async setDigests(
    orgId: string,
    userId: string,
    digests: boolean,
  ): Promise<EmailPreferenceRecord> {
    await this.ensure(orgId, userId);
    return (await this.updateOne(
      orgId,
      { userId },
      { $set: { digests } },
    )) as EmailPreferenceRecord;
  }

  /** One-click unsubscribe: the token alone identifies the person (and so the org). */
  async unsubscribeByToken(token: string): Promise<boolean> {
    const res = await this.model
      .updateOne({ unsubscribeToken: token }, { $set: { digests: false } })
      .exec();
    return res.matchedCount === 1;
  }
}
