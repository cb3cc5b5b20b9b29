import { DomainError } from '../../../../libs/common/errors';
import { resolveIdentity, SsoPolicy } from './sso-policy';

const policy: SsoPolicy = {
  allowedDomains: ['acme.test'],
  groupsClaim: 'groups',
  roleMappings: [
    { group: 'hr-admins', roles: ['admin'] },
    { group: 'talent', roles: ['recruiter'] },
    { group: 'eng-leads', roles: ['hiring_manager', 'recruiter'] },
  ],
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return 'no error';
};

describe(resolveIdentity.name, () => {
  it('maps every matching group to its roles, once each', () => {
    const id = resolveIdentity(
      {
        sub: 's1',
        email: 'Ann@ACME.test',
        email_verified: true,
        groups: ['talent', 'eng-leads', 'x'],
      },
      policy,
    );
    expect(id).toEqual({
      subject: 's1',
      email: 'ann@acme.test',
      roles: ['hiring_manager', 'recruiter'],
    });
  });

  it('accepts a single-string groups claim and a custom claim name', () => {
    const id = resolveIdentity(
      { sub: 's2', email: 'b@acme.test', roles_at_idp: 'hr-admins' },
      { ...policy, groupsClaim: 'roles_at_idp' },
    );
    expect(id.roles).toEqual(['admin']);
  });

  it.each([
    [{ sub: 's', groups: ['talent'] }, 'SSO.EMAIL_MISSING'],
    [
      { sub: 's', email: 'a@acme.test', email_verified: false, groups: ['talent'] },
      'SSO.EMAIL_UNVERIFIED',
    ],
    [{ sub: 's', email: 'a@evil.test', groups: ['talent'] }, 'SSO.DOMAIN_NOT_ALLOWED'],
    [{ sub: 's', email: 'a@sub.acme.test', groups: ['talent'] }, 'SSO.DOMAIN_NOT_ALLOWED'],
    [{ sub: 's', email: 'a@acme.test.evil.test', groups: ['talent'] }, 'SSO.DOMAIN_NOT_ALLOWED'],
    [{ sub: 's', email: 'a@acme.test', groups: ['unmapped'] }, 'SSO.NO_ROLE'],
    [{ sub: 's', email: 'a@acme.test' }, 'SSO.NO_ROLE'],
  ])('refuses %p with %s', (claims, code) => {
    expect(codeOf(() => resolveIdentity(claims, policy))).toBe(code);
  });
});
