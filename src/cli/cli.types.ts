import type { Command } from 'commander';

/** A CLI command module: attaches itself to the program; may raise the exit code via `setExitCode`. */
export type CommandRegistrar = (program: Command, setExitCode: (code: number) => void) => void;
