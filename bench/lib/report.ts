import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths';

export type Row = Record<string, string | number>;

export interface Table {
  title: string;
  rows: Row[];
}

export interface Chart {
  file: string;
  svg: string;
}

/** What one suite measured; `notes` carry engine, env overrides and honest caveats. */
export interface SuiteResult {
  suite: string;
  tables: Table[];
  charts: Chart[];
  notes: string[];
  targets: { target: string; measured: string; met: boolean | 'n/a' }[];
}

export function renderTable(t: Table): string {
  if (t.rows.length === 0) return `${t.title}\n(no rows)\n`;
  const cols = Object.keys(t.rows[0]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `**${t.title}**`,
    '',
    line(cols),
    line(cols.map(() => '---')),
    ...t.rows.map((r) => line(cols.map((c) => String(r[c] ?? '')))),
    '',
  ].join('\n');
}

export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} at start (shared with other jobs), Node ${process.version}`;
}

/** Writes bench/results/<suite>.json, <suite>.md and the charts; returns the Markdown path. */
export function writeReport(result: SuiteResult, machine: string): string {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(
    join(dir, `${result.suite}.json`),
    JSON.stringify({ ...result, charts: result.charts.map((c) => c.file), at, machine }, null, 2),
  );
  for (const c of result.charts) writeFileSync(join(dir, c.file), c.svg);
  const md = [
    `# Benchmark: ${result.suite}`,
    '',
    `Run ${at} on ${machine}.`,
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
    ...result.tables.map(renderTable),
    result.targets.length ? renderTable({ title: 'Targets', rows: targetRows(result) }) : '',
    ...result.charts.map((c) => `![${c.file}](${c.file})\n`),
  ].join('\n');
  const file = join(dir, `${result.suite}.md`);
  writeFileSync(file, md);
  return file;
}

export function targetRows(result: SuiteResult): Row[] {
  return result.targets.map((t) => ({
    target: t.target,
    measured: t.measured,
    met: t.met === 'n/a' ? 'n/a' : t.met ? 'yes' : 'NO',
  }));
}
