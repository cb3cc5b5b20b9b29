// A real OpenID Provider (oidc-provider) for the SSO e2e tests, run as a child process.
// IDP_PORT: port to listen on (127.0.0.1). IDP_CONFIG: JSON { clients, accounts }, where
// accounts maps a login name to its claims. The login page is automated: the account named by
// the authorization request's login_hint signs in at once (unknown names are denied), and
// consent is pre-granted, as for a first-party app. Prints "READY <issuer>" when listening.
import Provider from 'oidc-provider';

const port = Number(process.env.IDP_PORT);
const { clients, accounts } = JSON.parse(process.env.IDP_CONFIG);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: c.client_secret ? 'client_secret_basic' : 'none',
    ...c,
  })),
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  findAccount: (_ctx, id) =>
    accounts[id] && { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-only-cookie-key'] },
  async loadExistingGrant(ctx) {
    const { client, session } = ctx.oidc;
    const existing = session.grantIdFor(client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({
      clientId: client.clientId,
      accountId: session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    session.grantIdFor(client.clientId, grant.jti);
    return grant;
  },
});

provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const name = details.params.login_hint;
  const result = accounts[name]
    ? { login: { accountId: name } }
    : { error: 'access_denied', error_description: 'unknown user' };
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
});

provider.listen(port, '127.0.0.1', () => process.stdout.write(`READY ${issuer}\n`));
