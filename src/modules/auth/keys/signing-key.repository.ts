import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { notIn } from '../../../infra/mongo/trusted';
import { SigningKey } from './signing-key.schema';

/** Global (not per-org) key storage; the collection stays tiny, one document per rotation. */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectModel(SigningKey.name) private readonly model: Model<SigningKey>) {}

  /** The newest keys first; older ones are long past their verification window. */
  async recent(limit = 20): Promise<SigningKey[]> {
    return this.model.find({}).sort({ createdAt: -1 }).limit(limit).lean<SigningKey[]>().exec();
  }

  async insert(key: SigningKey): Promise<void> {
    await this.model.create(key);
  }

  /** Retires every key except `kid`; returns how many were retired. */
  async retireAllExcept(kid: string, at: Date): Promise<number> {
    const res = await this.model
      .updateMany({ retiredAt: null, _id: notIn([kid]) }, { $set: { retiredAt: at } })
      .exec();
    return res.modifiedCount;
  }
}
