import { DomainError } from '../../../libs/common/errors';

/** Stable codes for every way a bearer token can be refused (all 401). */
export const TOKEN_ERRORS = {
  missing: ['AUTH.TOKEN_MISSING', 'A bearer access token is required.'],
  malformed: ['AUTH.TOKEN_MALFORMED', 'The access token is malformed.'],
  algorithm: ['AUTH.TOKEN_ALGORITHM_NOT_ALLOWED', 'The access token uses a disallowed algorithm.'],
  unknownKey: ['AUTH.TOKEN_KEY_UNKNOWN', 'The access token was signed with an unknown key.'],
  signature: ['AUTH.TOKEN_SIGNATURE_INVALID', 'The access token signature is invalid.'],
  expired: ['AUTH.TOKEN_EXPIRED', 'The access token has expired.'],
  notYetValid: ['AUTH.TOKEN_NOT_YET_VALID', 'The access token is not valid yet.'],
  issuer: ['AUTH.TOKEN_ISSUER_INVALID', 'The access token has the wrong issuer.'],
  audience: ['AUTH.TOKEN_AUDIENCE_INVALID', 'The access token has the wrong audience.'],
  claims: ['AUTH.TOKEN_CLAIMS_INVALID', 'The access token lacks required claims.'],
  revoked: ['AUTH.TOKEN_REVOKED', 'The access token has been revoked.'],
} as const;

export type TokenErrorKind = keyof typeof TOKEN_ERRORS;

export function tokenError(kind: TokenErrorKind): DomainError {
  const [code, message] = TOKEN_ERRORS[kind];
  return new DomainError(code, message, 'unauthorized');
}

// jsonwebtoken reports claim failures only through its messages; these are stable in v9.
const BY_MESSAGE: [RegExp, TokenErrorKind][] = [
  [/^jwt issuer invalid/, 'issuer'],
  [/^jwt audience invalid/, 'audience'],
  [/^invalid algorithm/, 'algorithm'],
  [/^invalid signature/, 'signature'],
  [/^jwt signature is required/, 'algorithm'],
  [/^No auth token/, 'missing'],
];

/** Turns what passport-jwt/jsonwebtoken report into one of the stable token errors. */
export function mapTokenFailure(info: unknown): DomainError {
  if (info instanceof DomainError) return info;
  const err = info as { name?: string; message?: string } | undefined;
  if (err?.name === 'TokenExpiredError') return tokenError('expired');
  if (err?.name === 'NotBeforeError') return tokenError('notYetValid');
  const message = err?.message ?? '';
  for (const [pattern, kind] of BY_MESSAGE) if (pattern.test(message)) return tokenError(kind);
  return tokenError(info ? 'malformed' : 'missing');
}
