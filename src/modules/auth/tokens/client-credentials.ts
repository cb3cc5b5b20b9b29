import { DomainError } from '../../../../libs/common/errors';
import type { TokenRequestDto } from '../dto/token.dto';
import type { ClientCredentials } from './token-grant.service';

const invalidRequest = (message: string) =>
  new DomainError('AUTH.INVALID_REQUEST', message, 'validation');

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1) or from the body, never both. */
export function credentialsFrom(body: TokenRequestDto, authorization?: string): ClientCredentials {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    if (body.client_id !== undefined || body.client_secret !== undefined) {
      throw invalidRequest(
        'Send client credentials either in the body or with Basic auth, not both.',
      );
    }
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidRequest('Malformed Basic credentials.');
    try {
      return {
        grantType: body.grant_type,
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    } catch {
      throw invalidRequest('Malformed Basic credentials.');
    }
  }
  if (!body.client_id || !body.client_secret) {
    throw invalidRequest('client_id and client_secret are required.');
  }
  return { grantType: body.grant_type, clientId: body.client_id, clientSecret: body.client_secret };
}
