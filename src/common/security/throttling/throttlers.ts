import { ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../../config/app-config';
import type { AuthedRequest } from '../principal';

/**
 * Four named throttlers, all counted in Redis so limits hold across API instances:
 * - `ip`: every route, per client IP and route, before authentication;
 * - `client`: every authenticated route, per principal across all routes;
 * - `auth`: routes marked `@AuthThrottle()` (token, SSO), per IP and route;
 * - `upload`: routes marked `@UploadThrottle()`, per principal and route.
 */
export const THROTTLER = { ip: 'ip', client: 'client', auth: 'auth', upload: 'upload' } as const;
export type ThrottlerName = (typeof THROTTLER)[keyof typeof THROTTLER];

const CLASS_KEY = 'throttle:class';
type StrictClass = typeof THROTTLER.auth | typeof THROTTLER.upload;

/** Stricter per-IP limit for credential endpoints (THROTTLE_AUTH_LIMIT per window). */
export const AuthThrottle = () => SetMetadata(CLASS_KEY, THROTTLER.auth);

/** Stricter per-client limit for uploads (THROTTLE_UPLOAD_LIMIT per window). */
export const UploadThrottle = () => SetMetadata(CLASS_KEY, THROTTLER.upload);

const markedAs = (ctx: ExecutionContext, cls: StrictClass) =>
  Reflect.getMetadata(CLASS_KEY, ctx.getHandler()) === cls ||
  Reflect.getMetadata(CLASS_KEY, ctx.getClass()) === cls;

const principalOf = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().user;

/** Tracker for per-principal throttlers: one budget per org and subject. */
export const principalTracker = (req: Record<string, unknown>) => {
  const p = (req as unknown as AuthedRequest).user;
  return p ? `${p.orgId}:${p.sub}` : 'anonymous';
};

export function buildThrottlers(config: AppConfig): ThrottlerOptions[] {
  const ttl = config.THROTTLE_WINDOW_SECONDS * 1000;
  return [
    { name: THROTTLER.ip, ttl, limit: config.THROTTLE_IP_LIMIT },
    {
      name: THROTTLER.client,
      ttl,
      limit: config.THROTTLE_CLIENT_LIMIT,
      skipIf: (ctx) => !principalOf(ctx),
      getTracker: principalTracker,
      // One budget per principal for the whole API, not per route.
      generateKey: (_ctx, tracker, name) => `${name}:${tracker}`,
    },
    {
      name: THROTTLER.auth,
      ttl,
      limit: config.THROTTLE_AUTH_LIMIT,
      skipIf: (ctx) => !markedAs(ctx, THROTTLER.auth),
    },
    {
      name: THROTTLER.upload,
      ttl,
      limit: config.THROTTLE_UPLOAD_LIMIT,
      skipIf: (ctx) => !markedAs(ctx, THROTTLER.upload) || !principalOf(ctx),
      getTracker: principalTracker,
    },
  ];
}
