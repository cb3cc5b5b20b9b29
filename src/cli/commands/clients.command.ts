import { InvalidArgumentError } from 'commander';
import { DomainError } from '../../../libs/common/errors';
import { isRole, ROLES, type Role } from '../../common/security/roles';
import { systemContext } from '../../common/tenancy/org-context';
import type { CommandRegistrar } from '../cli.types';

function parseRoles(value: string): Role[] {
  const roles = [
    ...new Set(
      value
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  const bad = roles.filter((r) => !isRole(r));
  if (!roles.length || bad.length)
    throw new InvalidArgumentError(`roles are a comma-separated subset of: ${ROLES.join(', ')}`);
  return roles as Role[];
}

interface CreateOptions {
  org: string;
  roles: Role[];
  name?: string;
  json?: boolean;
}

/**
 * `screener clients create --org <id> --roles recruiter[,service] [--name <n>] [--json]`:
 * a service client for an org; prints `{"clientId","clientSecret"}` with --json. The secret
 * is shown only here.
 */
export const registerClientsCommand: CommandRegistrar = (program) => {
  const clients = program.command('clients').description('Manage service clients; reads MONGO_URI');
  clients
    .command('create')
    .description('Create a service client (client-credentials) in an organization')
    .requiredOption('--org <id>', 'organization id')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`, parseRoles)
    .option('--name <name>', 'display name', 'cli client')
    .option('--json', 'print {"clientId","clientSecret"} as JSON')
    .action(async (opts: CreateOptions) => {
      const { openIdentityServices } = await import('../../modules/auth/identity-cli.services');
      const services = await openIdentityServices();
      try {
        if (!(await services.orgs.exists(opts.org))) {
          throw new DomainError(
            'ORG.NOT_FOUND',
            `No organization with id ${opts.org}.`,
            'not_found',
          );
        }
        const created = await services.clients.create(systemContext(opts.org), {
          name: opts.name ?? 'cli client',
          roles: opts.roles,
        });
        const out = { clientId: created.clientId, clientSecret: created.clientSecret };
        process.stdout.write(
          opts.json
            ? JSON.stringify(out) + '\n'
            : `client_id=${out.clientId}\nclient_secret=${out.clientSecret}\n(the secret is shown only once)\n`,
        );
      } finally {
        await services.close();
      }
    });
};
