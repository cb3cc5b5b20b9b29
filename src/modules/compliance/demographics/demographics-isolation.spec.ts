import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** Scoring's entry points: the worker's screening code and the scoring library. */
const SCORING_ENTRIES = [
  'src/modules/screening/screening.service.ts',
  'src/modules/screening/screening.processor.ts',
  'src/modules/screening/score-batcher.ts',
  'src/modules/screening/screening-model.holder.ts',
  'libs/scoring/index.ts',
];

const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find(
    (p) => existsSync(p) && p.endsWith('.ts'),
  );
}

/** Every project file reachable from `entries` through relative imports. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((e) => join(ROOT, e));
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = resolveImport(file, m[1]);
      if (next) todo.push(next);
    }
  }
  return seen;
}

describe('self-identification is out of scoring’s reach', () => {
  const files = reachable(SCORING_ENTRIES);

  it('walks a real import graph', () => {
    expect(files.size).toBeGreaterThan(20);
    expect([...files].some((f) => f.endsWith('libs/scoring/redact-profile.ts'))).toBe(true);
  });

  it('no file scoring can load imports the demographics module or names its collection', () => {
    const offenders = [...files].filter((f) => {
      const text = readFileSync(f, 'utf8');
      return (
        f.includes(`${join('compliance', 'demographics')}`) ||
        /SelfIdentification|DEMOGRAPHICS_COLLECTION|['"]demographics['"]/.test(text)
      );
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
