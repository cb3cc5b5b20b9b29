import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout root, whether this runs from bench/ (ts-jest) or dist/bench/ (compiled). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const up = dirname(dir);
    if (up === dir) throw new Error('project root not found');
    dir = up;
  }
  return dir;
}
