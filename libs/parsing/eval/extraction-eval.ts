import { readFile } from 'node:fs/promises';
import { extractText } from '../extract/extract-text';
import { charRecall } from './text-recall';
import type { LiveCareerCase } from './dataset-files';

export interface ExtractionReport {
  /** Share of PDFs with a non-empty reference that extracted without error to non-empty text. */
  success: number;
  /** Mean character recall over those PDFs (failures count as 0). */
  char_recall: number;
  files: number;
  failures: { id: string; error: string }[];
  /** Median wall time per page, ms, including the child process round trip. */
  medianMsPerPage: number;
  lowRecall: { id: string; recall: number }[];
}

export async function evalExtraction(cases: LiveCareerCase[]): Promise<ExtractionReport> {
  const withText = cases.filter((c) => c.reference.trim().length > 0);
  const failures: ExtractionReport['failures'] = [];
  const recalls: { id: string; recall: number }[] = [];
  const perPage: number[] = [];
  let ok = 0;
  for (const c of withText) {
    const buf = await readFile(c.file);
    const t0 = process.hrtime.bigint();
    try {
      const r = await extractText(buf, 'pdf');
      perPage.push(Number(process.hrtime.bigint() - t0) / 1e6 / Math.max(1, r.pages ?? 1));
      if (!r.text.trim()) throw new Error('empty text');
      ok++;
      recalls.push({ id: c.id, recall: charRecall(c.reference, r.text) });
    } catch (err) {
      failures.push({ id: c.id, error: (err as { code?: string }).code ?? (err as Error).message });
      recalls.push({ id: c.id, recall: 0 });
    }
  }
  const n = Math.max(1, withText.length);
  return {
    success: ok / n,
    char_recall: recalls.reduce((s, r) => s + r.recall, 0) / n,
    files: withText.length,
    failures,
    medianMsPerPage: median(perPage),
    lowRecall: recalls.filter((r) => r.recall < 0.97).sort((a, b) => a.recall - b.recall),
  };
}

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
