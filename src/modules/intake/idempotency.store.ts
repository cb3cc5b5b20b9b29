import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { IntakeErrors } from './intake.errors';
import { IdempotencyKey } from './idempotency.schema';

export interface StoredResponse<T> {
  status: number;
  body: T;
}

export const fingerprint = (...parts: unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * Replays the first response for a key and the same request; a different request under the same
 * key is a conflict. Keys live until a retention job removes them (no TTL index on FerretDB).
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectModel(IdempotencyKey.name) private readonly model: Model<IdempotencyKey>) {}

  async run<T>(
    orgId: string,
    key: string | undefined,
    print: string,
    work: () => Promise<StoredResponse<T>>,
  ): Promise<StoredResponse<T>> {
    if (!key) return work();
    const seen = await this.model.findOne({ orgId, key }).lean().exec();
    if (seen) return this.replay<T>(seen, print);
    const response = await work();
    try {
      await this.model.create({ orgId, key, fingerprint: print, ...response });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // A concurrent twin won the race; answer as it did (our work was deduplicated anyway).
      const twin = await this.model.findOne({ orgId, key }).lean().exec();
      if (twin) return this.replay<T>(twin, print);
    }
    return response;
  }

  private replay<T>(seen: { fingerprint: string; status: number; body: unknown }, print: string) {
    if (seen.fingerprint !== print) throw IntakeErrors.idempotencyConflict();
    return { status: seen.status, body: seen.body as T };
  }
}
