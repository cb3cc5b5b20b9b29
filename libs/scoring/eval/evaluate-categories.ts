import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../common/errors';
import { buildProfile } from '../../parsing';
import { computeFeatures } from '../features/compute-features';
import { parseJobPosting } from '../job/job-posting.parser';
import type { ScreeningModel } from '../model/screening-model';
import { redactProfile } from '../redact-profile';
import { jobText, TfidfBaseline } from './baselines';
import { mean, ndcgAt, precisionAt } from './metrics';

export interface CategoryMetrics {
  p10: number;
  ndcg10: number;
}

export interface CategoriesReport {
  model: CategoryMetrics;
  tfidf: CategoryMetrics;
}

export interface CategoriesDetail extends CategoriesReport {
  resumes: number;
  duplicatesDropped: number;
  jobs: string[];
  missingJobs: string[];
}

interface CategoryResume {
  category: string;
  text: string;
}

/** Reads `ID, Category, Resume_text` (or the Kaggle `Category, Resume` layout), dropping exact duplicate texts. */
export function readCategoryCsv(path: string): { resumes: CategoryResume[]; duplicates: number } {
  const rows = parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  if (
    rows.length &&
    !('Category' in rows[0] && ('Resume_text' in rows[0] || 'Resume' in rows[0]))
  ) {
    throw new DomainError(
      'EVAL.BAD_DATASET',
      `${path}: expected columns Category and Resume_text`,
      'validation',
    );
  }
  const seen = new Set<string>();
  const resumes: CategoryResume[] = [];
  for (const r of rows) {
    const text = r.Resume_text ?? r.Resume ?? '';
    if (seen.has(text)) continue;
    seen.add(text);
    resumes.push({ category: r.Category.trim(), text });
  }
  return { resumes, duplicates: rows.length - resumes.length };
}

/** For each category with `<jobsDir>/<Category>.md`, ranks all resumes; relevant = same category. */
export async function evaluateCategories(
  csvPath: string,
  jobsDir: string,
  model: ScreeningModel,
): Promise<CategoriesDetail> {
  const { resumes, duplicates } = readCategoryCsv(csvPath);
  const categories = [...new Set(resumes.map((r) => r.category))].sort();
  const jobs = categories.filter((c) => existsSync(join(jobsDir, `${c}.md`)));
  if (!jobs.length)
    throw new DomainError(
      'EVAL.NO_JOBS',
      `${jobsDir}: no <Category>.md posting for any category`,
      'validation',
    );
  const fixedNow = new Date(Date.UTC(2024, 0, 1));
  const redacted = resumes.map((r) => redactProfile(buildProfile(r.text, { now: fixedNow })));
  const postings = jobs.map((c) => parseJobPosting(readFileSync(join(jobsDir, `${c}.md`), 'utf8')));
  const tfidf = new TfidfBaseline([...resumes.map((r) => r.text), ...postings.map(jobText)]);
  const modelP: number[] = [];
  const modelN: number[] = [];
  const tfP: number[] = [];
  const tfN: number[] = [];
  for (let j = 0; j < jobs.length; j++) {
    const relevant = resumes.map((r) => r.category === jobs[j]);
    const gains = relevant.map((x) => (x ? 1 : 0));
    const { probability } = await model.predict(
      redacted.map((p) => computeFeatures(p, postings[j], model.stats)),
    );
    const modelScores = Array.from(probability);
    const tfScores = resumes.map((r) => tfidf.score(r.text, jobText(postings[j])));
    modelP.push(precisionAt(modelScores, relevant));
    modelN.push(ndcgAt(modelScores, gains));
    tfP.push(precisionAt(tfScores, relevant));
    tfN.push(ndcgAt(tfScores, gains));
  }
  return {
    model: { p10: round(mean(modelP)), ndcg10: round(mean(modelN)) },
    tfidf: { p10: round(mean(tfP)), ndcg10: round(mean(tfN)) },
    resumes: resumes.length,
    duplicatesDropped: duplicates,
    jobs,
    missingJobs: categories.filter((c) => !jobs.includes(c)),
  };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
