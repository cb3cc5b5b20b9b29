import { Command, CommanderError } from 'commander';
import { DomainError } from '../../libs/common/errors';
import type { CommandRegistrar } from './cli.types';
import { registerParseCommand } from './commands/parse.command';
import { registerScoreCommand } from './commands/score.command';
import { registerEvaluateCommand } from './commands/evaluate.command';
import { registerClientsCommand } from './commands/clients.command';
import { registerKeysCommand } from './commands/keys.command';
import { registerOrgsCommand } from './commands/orgs.command';
import { registerRankCommand } from './commands/rank.command';

// Each command lives in its own file and registers itself; add new ones to this list.
const registrars: CommandRegistrar[] = [
  registerRankCommand,
  registerParseCommand,
  registerScoreCommand,
  registerEvaluateCommand,
  registerOrgsCommand,
  registerClientsCommand,
  registerKeysCommand,
];

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('screener')
    .description('Explainable resume screening: parse, score and rank resumes against a job.')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of registrars) register(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof DomainError) {
      console.error(`screener: ${err.code}: ${err.message}`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}
