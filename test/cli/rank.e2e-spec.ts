import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'screener.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeout: 120_000,
  });

/** The README's first command, offline: no Mongo, no Redis in the environment. */
describe('screener rank', () => {
  it('ranks the example resumes for the backend job sensibly', () => {
    const res = run(
      'rank',
      '--job',
      'examples/jobs/backend-engineer.md',
      'examples/resumes',
      '--json',
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    for (const l of lines) {
      expect(l).toEqual(
        expect.objectContaining({
          file: expect.stringMatching(/^examples\/resumes\//),
          score: expect.any(Number),
        }),
      );
      expect(l.topReasons.length).toBeGreaterThan(0);
    }
    const scores = lines.map((l) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const names = lines.map((l) => l.file.split('/').pop());
    const pos = (n: string) => names.indexOf(n);
    // Backend engineers above the nurse, the salesperson and the frontend developer.
    for (const strong of ['ana-costa-backend.pdf', 'chen-yu-fullstack.docx']) {
      for (const weak of [
        'tomas-herrera-nurse.docx',
        'sofia-lindqvist-sales.txt',
        'marcus-reed-frontend.txt',
      ]) {
        expect(pos(strong)).toBeLessThan(pos(weak));
      }
    }
  });

  it('prints a readable table by default', () => {
    const res = run('rank', '--job', 'examples/jobs/registered-nurse.md', 'examples/resumes');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Job: Registered Nurse, Emergency Department');
    const first = res.stdout.split('\n').find((l) => /^1\s/.test(l));
    expect(first).toContain('tomas-herrera-nurse.docx');
  });

  it('lists unreadable files with their reason and still ranks the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rank-'));
    copyFileSync(join(ROOT, 'examples/resumes/ana-costa-backend.pdf'), join(dir, 'good.pdf'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog');
    writeFileSync(join(dir, 'program.docx'), Buffer.from('MZ\x90\x00binary'));
    const res = run('rank', '--job', 'examples/jobs/backend-engineer.md', dir, '--json');
    expect(res.status).toBe(1);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      file: join(dir, 'good.pdf'),
      score: expect.any(Number),
      rank: 1,
    });
    const broken = lines.filter((l) => l.score === null);
    expect(broken.map((l) => l.file).sort()).toEqual([
      join(dir, 'broken.pdf'),
      join(dir, 'program.docx'),
    ]);
    for (const b of broken) expect(b.error.code).toMatch(/^PARSE\./);
  });
});
