import { Injectable } from '@nestjs/common';
import { RedisService } from '../../../infra/redis/redis.service';

export interface PendingLogin {
  orgId: string;
  codeVerifier: string;
  nonce: string;
}

const key = (state: string) => `screener:auth:sso-state:${state}`;
/** Time a user has to finish signing in at the IdP. */
const TTL_SECONDS = 600;

/** One-time login state in Redis, so the callback may land on any API instance. */
@Injectable()
export class SsoStateStore {
  constructor(private readonly redis: RedisService) {}

  async put(state: string, pending: PendingLogin): Promise<void> {
    await this.redis.client.set(key(state), JSON.stringify(pending), 'EX', TTL_SECONDS);
  }

  /** Returns and deletes the pending login, so a state can be used once. */
  async take(state: string): Promise<PendingLogin | null> {
    const raw = await this.redis.client.getdel(key(state));
    return raw ? (JSON.parse(raw) as PendingLogin) : null;
  }
}
