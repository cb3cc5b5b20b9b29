import { DomainError } from '../../../libs/common/errors';
import { mapTokenFailure, tokenError } from './token-errors';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe(mapTokenFailure.name, () => {
  it.each([
    [named('TokenExpiredError', 'jwt expired'), 'AUTH.TOKEN_EXPIRED'],
    [named('NotBeforeError', 'jwt not active'), 'AUTH.TOKEN_NOT_YET_VALID'],
    [
      named('JsonWebTokenError', 'jwt issuer invalid. expected: http://x'),
      'AUTH.TOKEN_ISSUER_INVALID',
    ],
    [
      named('JsonWebTokenError', 'jwt audience invalid. expected: y'),
      'AUTH.TOKEN_AUDIENCE_INVALID',
    ],
    [named('JsonWebTokenError', 'invalid algorithm'), 'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED'],
    [named('JsonWebTokenError', 'jwt signature is required'), 'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED'],
    [named('JsonWebTokenError', 'invalid signature'), 'AUTH.TOKEN_SIGNATURE_INVALID'],
    [named('JsonWebTokenError', 'jwt malformed'), 'AUTH.TOKEN_MALFORMED'],
    [new Error('No auth token'), 'AUTH.TOKEN_MISSING'],
    [undefined, 'AUTH.TOKEN_MISSING'],
  ])('maps %p to %s (401)', (info, code) => {
    const err = mapTokenFailure(info);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code, kind: 'unauthorized' });
    expect(err.message).not.toMatch(/expected/);
  });

  it('passes our own token errors through unchanged', () => {
    const own = tokenError('unknownKey');
    expect(mapTokenFailure(own)).toBe(own);
  });
});
