import type { CommandRegistrar } from '../cli.types';

/** `screener orgs create <name> [--json]`: bootstraps a tenant; prints `{"id"}` with --json. */
export const registerOrgsCommand: CommandRegistrar = (program) => {
  const orgs = program
    .command('orgs')
    .description('Manage organizations (tenants); reads MONGO_URI');
  orgs
    .command('create')
    .description('Create an organization')
    .argument('<name>', 'display name')
    .option('--json', 'print {"id"} as JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const { openIdentityServices } = await import('../../modules/auth/identity-cli.services');
      const services = await openIdentityServices();
      try {
        const org = await services.orgs.create(name);
        process.stdout.write(
          opts.json
            ? JSON.stringify({ id: org.id }) + '\n'
            : `created org "${org.name}": ${org.id}\n`,
        );
      } finally {
        await services.close();
      }
    });
};
