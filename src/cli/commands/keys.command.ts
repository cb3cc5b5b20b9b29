import type { CommandRegistrar } from '../cli.types';

/**
 * `screener keys rotate [--json]`: a new RS256 signing key becomes active on every API
 * instance within a minute; tokens signed by the old key stay valid until they expire.
 */
export const registerKeysCommand: CommandRegistrar = (program) => {
  const keys = program.command('keys').description('Manage JWT signing keys; reads MONGO_URI');
  keys
    .command('rotate')
    .description('Create a new signing key and retire the current one (no downtime)')
    .option('--json', 'print {"kid"} as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { openIdentityServices } = await import('../../modules/auth/identity-cli.services');
      const services = await openIdentityServices();
      try {
        const kid = await services.keys.rotate();
        process.stdout.write(
          opts.json ? JSON.stringify({ kid }) + '\n' : `new signing key: ${kid}\n`,
        );
      } finally {
        await services.close();
      }
    });
};
