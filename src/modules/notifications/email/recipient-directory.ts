import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { SsoUser } from '../../auth/sso/sso-user.schema';

export interface Recipient {
  userId: string;
  email: string;
}

const isId = (id: string) => Types.ObjectId.isValid(id) && String(new Types.ObjectId(id)) === id;
type UserRow = { _id: Types.ObjectId; email?: string };
const toRecipient = (u: UserRow): Recipient | null =>
  u.email ? { userId: String(u._id), email: u.email } : null;

/**
 * Who gets mail. People are the SSO users the identity module stores (a principal's `sub` is
 * the user's id); service clients have no mailbox. Read-only.
 */
@Injectable()
export class RecipientDirectory {
  constructor(@InjectModel(SsoUser.name) private readonly users: Model<SsoUser>) {}

  async user(orgId: string, userId: string | undefined): Promise<Recipient | null> {
    if (!userId || !isId(userId)) return null;
    const u = await this.users.findOne({ _id: userId, orgId }, { email: 1 }).lean<UserRow>().exec();
    return u ? toRecipient(u) : null;
  }

  async admins(orgId: string): Promise<Recipient[]> {
    const rows = await this.users
      .find({ orgId, roles: 'admin' }, { email: 1 })
      .lean<UserRow[]>()
      .exec();
    return rows.map(toRecipient).filter((r): r is Recipient => r !== null);
  }

  /**
   * A job's digest goes to its owner. A job created by a service client (no mailbox) or by a
   * user who has since gone falls back to the org's admins, who own the integration.
   */
  async digestRecipients(orgId: string, ownerId: string | undefined): Promise<Recipient[]> {
    const owner = await this.user(orgId, ownerId);
    return owner ? [owner] : this.admins(orgId);
  }
}
