import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../screener';

async function run(args: string[]): Promise<{ code: number; lines: Record<string, unknown>[] }> {
  const out: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  try {
    const code = await main(['node', 'screener', ...args]);
    return {
      code,
      lines: out
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  } finally {
    spy.mockRestore();
  }
}

// Fictional resumes and posting, written for this test.
const RESUME_A = `Morgan Ellery
morgan@example.com
Summary
Backend engineer building TypeScript and Node.js services on PostgreSQL.
Skills
TypeScript, Node.js, PostgreSQL, Docker, Kubernetes
Experience
Senior Backend Engineer, Northwind Labs
Jan 2017 - Present
Designed REST APIs and event pipelines.
Education
B.Sc. Computer Science, Lakeside University
`;
const RESUME_B = `Riley Marsh
riley@example.com
Summary
Pastry chef with a decade in busy restaurant kitchens.
Skills
Baking, Menu Planning, Food Safety
Experience
Pastry Chef, Blue Door Bistro
Mar 2014 - Present
Ran the pastry station and trained apprentices.
`;
const JOB = `# Backend Engineer

## Requirements
- TypeScript
- Node.js
- PostgreSQL
- 3+ years of backend experience
`;

describe('screener score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-cmd-'));
  writeFileSync(join(dir, 'a.txt'), RESUME_A);
  writeFileSync(join(dir, 'b.txt'), RESUME_B);
  writeFileSync(join(dir, 'job.md'), JOB);
  writeFileSync(
    join(dir, 'job.json'),
    JSON.stringify({
      title: 'Backend Engineer',
      description: 'APIs',
      requiredSkills: ['TypeScript', 'PostgreSQL'],
      preferredSkills: [],
    }),
  );
  writeFileSync(join(dir, 'empty.txt'), '');

  it('prints one JSON line per resume with file, score, label, explanation and model version', async () => {
    const { code, lines } = await run([
      'score',
      '--job',
      join(dir, 'job.md'),
      join(dir, 'a.txt'),
      join(dir, 'b.txt'),
    ]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.file)).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    for (const l of lines) {
      expect(l).toEqual(
        expect.objectContaining({
          score: expect.any(Number),
          label: expect.any(String),
          modelVersion: expect.any(String),
        }),
      );
      expect((l.explanation as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    }
    expect(lines[0].score as number).toBeGreaterThan(lines[1].score as number);
  });

  it('accepts a JobRequirements .json and reports an unreadable resume with exit code 1', async () => {
    const { code, lines } = await run([
      'score',
      '--job',
      join(dir, 'job.json'),
      join(dir, 'a.txt'),
      join(dir, 'empty.txt'),
    ]);
    expect(code).toBe(1);
    expect(lines[0].score).toEqual(expect.any(Number));
    expect(lines[1]).toEqual(
      expect.objectContaining({ file: join(dir, 'empty.txt'), score: null }),
    );
  });
});
