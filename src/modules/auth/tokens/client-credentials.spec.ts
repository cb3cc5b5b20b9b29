import { DomainError } from '../../../../libs/common/errors';
import { credentialsFrom } from './client-credentials';

const basic = (id: string, secret: string) =>
  'Basic ' +
  Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');

describe(credentialsFrom.name, () => {
  it('reads the body', () => {
    expect(
      credentialsFrom({ grant_type: 'client_credentials', client_id: 'cli_a', client_secret: 's' }),
    ).toEqual({ grantType: 'client_credentials', clientId: 'cli_a', clientSecret: 's' });
  });

  it('reads HTTP Basic, URL-decoding both parts', () => {
    expect(credentialsFrom({ grant_type: 'client_credentials' }, basic('cli_a', 's:/+'))).toEqual({
      grantType: 'client_credentials',
      clientId: 'cli_a',
      clientSecret: 's:/+',
    });
  });

  it.each([
    [{ grant_type: 'client_credentials' }, undefined],
    [{ grant_type: 'client_credentials', client_id: 'a' }, undefined],
    [{ grant_type: 'client_credentials', client_id: 'a' }, basic('a', 'b')],
    [{ grant_type: 'client_credentials' }, 'Basic ' + Buffer.from('no-colon').toString('base64')],
  ])('refuses missing, mixed or malformed credentials (%p, %p)', (body, header) => {
    const err = (() => {
      try {
        credentialsFrom(body, header);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'AUTH.INVALID_REQUEST', kind: 'validation' });
  });
});
