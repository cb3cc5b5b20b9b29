/**
 * Base of every expected failure. `code` is a stable, documented identifier that clients may
 * switch on (e.g. `RESUME.UNSUPPORTED_TYPE`); `kind` tells the HTTP layer which status to use,
 * so domain and worker code never import HTTP exceptions.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly kind: ErrorKind = 'validation',
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
