import { basename } from 'node:path';
import type { JobRequirements } from '../../libs/scoring/job.types';
import type { FileOutcome } from './resume-batch';

const LABELS: Record<string, string> = {
  strong_fit: 'strong fit',
  potential_fit: 'potential fit',
  weak_fit: 'weak fit',
};

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

/** The human-readable shortlist: rank, score, label, file and the top three reasons. */
export function renderRankTable(
  job: JobRequirements,
  ranked: FileOutcome[],
  modelVersion: string,
  top?: number,
): string {
  const lines: string[] = [];
  const required = job.requiredSkills.length ? job.requiredSkills.join(', ') : 'none listed';
  lines.push(`Job: ${job.title}`);
  lines.push(`Required: ${required}${job.minYears ? `; ${job.minYears}+ years` : ''}`);
  lines.push(`Model: screening ${modelVersion} (scores 0–100; a person makes every decision)`);
  lines.push('');
  lines.push(`${pad('#', 4)}${pad('score', 7)}${pad('label', 15)}file`);
  const scored = ranked.filter((o) => o.score !== null);
  const shown = top ? scored.slice(0, top) : scored;
  shown.forEach((o, i) => {
    if (o.score === null) return;
    lines.push(
      `${pad(String(i + 1), 4)}${pad(o.score.toFixed(1), 7)}${pad(LABELS[o.result.label] ?? o.result.label, 15)}${basename(o.file)}`,
    );
    for (const r of o.result.explanation.reasons.slice(0, 3)) {
      lines.push(`${' '.repeat(26)}${r.impact === 'positive' ? '+' : '-'} ${r.text}`);
    }
  });
  const unscored = ranked.filter((o) => o.score === null);
  if (unscored.length) {
    lines.push('');
    lines.push(`Not scored (${unscored.length}):`);
    for (const o of unscored) {
      if (o.score !== null) continue;
      const why = o.status === 'error' ? `${o.code}: ${o.message}` : `needs review (${o.reason})`;
      lines.push(`  ${basename(o.file)}: ${why}`);
    }
  }
  return lines.join('\n') + '\n';
}
