import type { Request } from 'express';
import type { Role } from './roles';

export type PrincipalKind = 'client' | 'user';

/** Who is calling, as proven by a verified access token. `orgId` comes from the token only. */
export interface Principal {
  sub: string;
  orgId: string;
  roles: Role[];
  kind: PrincipalKind;
}

/** The Express request as the guards leave it: `user` is set on every non-public route. */
export type AuthedRequest = Request & { user?: Principal; id?: string };
