import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../common/paths';

/** Reads a generated fixture from test/fixtures/resumes (see its README). */
export const fixturePath = (rel: string): string =>
  join(projectRoot(), 'test', 'fixtures', 'resumes', rel);
export const fixture = (rel: string): Buffer => readFileSync(fixturePath(rel));

/** The PARSE.* code a promise rejects with (fails the test if it resolves). */
export async function rejectionCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as { code?: string }).code ?? `non-domain error: ${String(err)}`;
  }
  throw new Error('expected a rejection');
}

export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code ?? `non-domain error: ${String(err)}`;
  }
  throw new Error('expected a throw');
}
