import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { parseResume, shutdownExtractors, toJsonResume } from '../../../libs/parsing';
import type { CommandRegistrar } from '../cli.types';

const FORMATS = ['profile', 'json-resume'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of: ${FORMATS.join(', ')}`);
  }
  return value as Format;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/**
 * `screener parse <file> [--format json-resume]`: prints the parsed profile (or its JSON Resume
 * export) as JSON. Hostile or unreadable files end with a PARSE.* error code and exit code 2;
 * an empty, garbled or image-only document prints a profile whose quality says why.
 */
export const registerParseCommand: CommandRegistrar = (program) => {
  program
    .command('parse')
    .description('Parse a resume (PDF, DOCX or TXT) and print the profile as JSON')
    .argument('<file>', 'path of the resume file')
    .option('--format <format>', 'profile | json-resume', parseFormat, 'profile' as Format)
    .option('--timeout <ms>', 'extraction time limit in milliseconds', parsePositiveInt)
    .action(async (file: string, opts: { format: Format; timeout?: number }) => {
      try {
        const profile = await parseResume(await readFile(file), { timeoutMs: opts.timeout });
        const out = opts.format === 'json-resume' ? toJsonResume(profile) : profile;
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } finally {
        await shutdownExtractors();
      }
    });
};
