import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../screener';

const csvCell = (v: string): string => `"${v.replace(/"/g, '""')}"`;

/** A tiny fictional dataset in the resume_data.csv layout: 4 resumes × 2 jobs. */
function writeDataset(dir: string): string {
  const resumes = [
    {
      resume_id: 'R1',
      career_objective: 'Backend developer',
      skills: "['Python', 'Django', 'PostgreSQL']",
      positions: "['Backend Developer']",
      start_dates: "['Jan 2018']",
      end_dates: "['Current']",
      degree_names: "['B.Sc']",
    },
    {
      resume_id: 'R2',
      career_objective: 'Data analyst',
      skills: "['SQL', 'Excel', 'Tableau']",
      positions: "['Data Analyst']",
      start_dates: "['Jan 2020']",
      end_dates: "['Current']",
      degree_names: "['B.Com']",
    },
    {
      resume_id: 'R3',
      career_objective: 'Pastry chef',
      skills: "['Baking', 'Food Safety']",
      positions: "['Pastry Chef']",
      start_dates: "['Jan 2015']",
      end_dates: "['Current']",
      degree_names: '[None]',
    },
    {
      resume_id: 'R4',
      career_objective: 'Python engineer',
      skills: "['Python', 'Flask', 'Docker']",
      positions: "['Software Engineer']",
      start_dates: "['Jan 2019']",
      end_dates: "['Current']",
      degree_names: "['M.Sc']",
    },
  ];
  const jobs = [
    {
      job_id: 'J1',
      job_position_name: 'Python Developer',
      'responsibilities.1': 'Build web APIs',
      skills_required: 'Python\nDjango',
      experiencere_requirement: 'At least 2 years',
      holdout_type: 'unseen_resume',
      scores: [0.85, 0.5, 0.2, 0.8],
    },
    {
      job_id: 'J2',
      job_position_name: 'Data Analyst',
      'responsibilities.1': 'Reports and dashboards',
      skills_required: 'SQL\nTableau',
      experiencere_requirement: '1 to 3 years',
      holdout_type: 'unseen_job',
      scores: [0.5, 0.9, 0.25, 0.45],
    },
  ];
  const records = jobs.flatMap(({ scores, ...job }) =>
    resumes.map((r, i) => ({ ...r, ...job, matched_score: String(scores[i]) })),
  );
  const header = Object.keys(records[0]);
  const lines = [
    header.join(','),
    ...records.map((rec) =>
      header.map((h) => csvCell((rec as Record<string, string>)[h])).join(','),
    ),
  ];
  const path = join(dir, 'data.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  try {
    return { code: await main(['node', 'screener', ...args]), out: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('screener evaluate', () => {
  it('--dataset resume-data --json prints overall and per-holdout metrics for model, tfidf and jaccard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-cmd-'));
    const { code, out } = await run([
      'evaluate',
      '--dataset',
      'resume-data',
      writeDataset(dir),
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<
      string,
      Record<string, Record<string, Record<string, number>>>
    >;
    expect(Object.keys(report)).toEqual(['overall', 'slices']);
    expect(Object.keys(report.overall)).toEqual(['model', 'tfidf', 'jaccard']);
    expect(Object.keys(report.overall.model).sort()).toEqual([
      'auc70',
      'mae',
      'ndcg10',
      'spearman',
    ]);
    expect(Object.keys(report.overall.tfidf).sort()).toEqual(['auc70', 'ndcg10', 'spearman']);
    expect(Object.keys(report.slices).sort()).toEqual(['unseen_job', 'unseen_resume']);
    expect(report.overall.model.auc70).toBeGreaterThan(0.5);
  });

  it('--dataset categories needs --jobs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-cat-'));
    writeFileSync(join(dir, 'c.csv'), 'ID,Category,Resume_text\n1,CHEF,"Pastry chef"\n');
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await run(['evaluate', '--dataset', 'categories', join(dir, 'c.csv')])).toEqual(
        expect.objectContaining({ code: 2 }),
      );
      expect(err).toHaveBeenCalledWith(expect.stringContaining('EVAL.JOBS_REQUIRED'));
    } finally {
      err.mockRestore();
    }
  });

  it('--dataset categories --json ranks resumes per category posting and prints P@10 and NDCG@10', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-cat-'));
    const rows = [
      'ID,Category,Resume_text',
      '1,CHEF,"Pastry chef. Skills: Baking, Menu Planning, Food Safety"',
      '2,IT,"Support engineer. Skills: Troubleshooting, Active Directory, Networking"',
      '3,CHEF,"Line cook. Skills: Cooking, Food Safety"',
    ];
    writeFileSync(join(dir, 'c.csv'), rows.join('\n') + '\n');
    writeFileSync(
      join(dir, 'CHEF.md'),
      '# Chef\n\n## Requirements\n- Cooking\n- Food Safety\n- Menu Planning\n',
    );
    writeFileSync(
      join(dir, 'IT.md'),
      '# IT Support\n\n## Requirements\n- Troubleshooting\n- Networking\n',
    );
    const { code, out } = await run([
      'evaluate',
      '--dataset',
      'categories',
      join(dir, 'c.csv'),
      '--jobs',
      dir,
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      model: { p10: number; ndcg10: number };
      tfidf: { p10: number; ndcg10: number };
    };
    expect(Object.keys(r)).toEqual(['model', 'tfidf']);
    expect(r.model.ndcg10).toBeGreaterThan(0.5);
    expect(r.tfidf.p10).toBeGreaterThan(0);
  });
});
