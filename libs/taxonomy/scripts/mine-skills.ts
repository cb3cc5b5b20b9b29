/**
 * Mines candidate skill names and their document frequencies from the shared datasets.
 * Output is a curation aid (written outside the repo by default): dataset text is never committed,
 * only the curated catalog that was written with its help.
 *
 * Usage: node dist/libs/taxonomy/scripts/mine-skills.js <datasetsDir> [outFile.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Document-frequency counts of one candidate name, per dataset column. */
export interface Candidate {
  name: string;
  counts: Record<string, number>;
  total: number;
}

type Row = Record<string, string>;

const readCsv = (file: string): Row[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, relax_quotes: true }) as Row[];

/** Items of a Python-literal list string such as "['a', \"b's\", ['c']]" (nesting flattened). */
export function parsePyList(literal: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (const m of literal.matchAll(re)) out.push((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
  return out;
}

/** Trims bullets, parentheticals like "(Less than 1 year)" and trailing punctuation. */
export function cleanItem(raw: string): string {
  return raw
    .replace(/\((?:less than )?\d*\+? ?(?:years?|yrs?|months?)[^)]*\)/gi, ' ')
    .replace(/^[\s•·▪●■◦*\-–>]+/, '')
    .replace(/[\s.:;]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a free-text skills block into items (commas, semicolons, bullets, line breaks). */
export function splitItems(block: string): string[] {
  return block
    .split(/[\n,;|•·▪●■]+/)
    .map((part) => cleanItem(part.replace(/^[^:]{0,40}:/, '')))
    .filter((item) => item.length >= 1 && item.length <= 40 && item.split(' ').length <= 5);
}

class Counter {
  readonly byKey = new Map<
    string,
    { forms: Map<string, number>; counts: Record<string, number> }
  >();

  /** Counts each distinct item once per document. */
  addDocument(column: string, items: string[]): void {
    const seen = new Set<string>();
    for (const item of items) {
      const key = item.toLowerCase();
      if (!/[a-z0-9]/.test(key) || seen.has(key)) continue;
      seen.add(key);
      const rec = this.byKey.get(key) ?? { forms: new Map<string, number>(), counts: {} };
      rec.forms.set(item, (rec.forms.get(item) ?? 0) + 1);
      rec.counts[column] = (rec.counts[column] ?? 0) + 1;
      this.byKey.set(key, rec);
    }
  }

  candidates(): Candidate[] {
    return [...this.byKey.values()]
      .map(({ forms, counts }) => {
        const name = [...forms.entries()].sort((a, b) => b[1] - a[1])[0][0];
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        return { name, counts, total };
      })
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  }
}

function mineResumeData(dir: string, counter: Counter): void {
  const rows = readCsv(join(dir, 'resume-job-match', 'resume_data.csv'));
  const resumes = new Set<string>();
  const jobs = new Set<string>();
  for (const row of rows) {
    if (!resumes.has(row.resume_id)) {
      resumes.add(row.resume_id);
      counter.addDocument('resume_data.skills', parsePyList(row.skills ?? '').map(cleanItem));
      const related = parsePyList(row.related_skils_in_job ?? '').map(cleanItem);
      counter.addDocument('resume_data.related_skils_in_job', related);
    }
    if (!jobs.has(row.job_id)) {
      jobs.add(row.job_id);
      counter.addDocument('resume_data.skills_required', splitItems(row.skills_required ?? ''));
    }
  }
}

function mineResumeNer(dir: string, counter: Counter): void {
  const file = join(dir, 'resume-ner', 'dataturks_resume_entities.jsonl');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as {
      annotation?: { label: string[]; points: { text: string }[] }[] | null;
    };
    const spans = (doc.annotation ?? []).filter((a) => a.label.includes('Skills'));
    const items = spans.flatMap((a) => a.points.flatMap((p) => splitItems(p.text)));
    counter.addDocument('resume-ner.skills', items);
  }
}

const SKILL_HEADINGS =
  /^(skills|technical skills|skill highlights|highlights|core qualifications|core strengths|qualifications)$/i;
const OTHER_HEADING =
  /^(experience|education|summary|accomplishments|work history|professional experience|certifications|interests|languages|affiliations|additional information|education and training|professional summary|work experience|publications|personal information)$/i;

/** Lines of the Skills-like sections of one LiveCareer resume text. */
export function skillSectionLines(text: string): string[] {
  const out: string[] = [];
  let inSection = false;
  let taken = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (SKILL_HEADINGS.test(line)) {
      inSection = true;
      taken = 0;
    } else if (OTHER_HEADING.test(line)) {
      inSection = false;
    } else if (inSection && taken++ < 40) {
      out.push(line);
    }
  }
  return out;
}

function mineLivecareer(dir: string, counter: Counter): void {
  const rows = readCsv(join(dir, 'resume-categories', 'livecareer_resumes.csv'));
  for (const row of rows) {
    const items = splitItems(skillSectionLines(row.Resume_text ?? '').join('\n'));
    counter.addDocument('livecareer.skills_section', items);
  }
}

/** All candidates across the four skill sources, most frequent first. */
export function mineCandidates(datasetsDir: string): Candidate[] {
  const counter = new Counter();
  mineResumeData(datasetsDir, counter);
  mineResumeNer(datasetsDir, counter);
  mineLivecareer(datasetsDir, counter);
  return counter.candidates();
}

export function candidatesToTsv(candidates: Candidate[]): string {
  const columns = [...new Set(candidates.flatMap((c) => Object.keys(c.counts)))].sort();
  const head = ['name', 'total', ...columns].join('\t');
  const lines = candidates.map((c) =>
    [c.name, c.total, ...columns.map((col) => c.counts[col] ?? 0)].join('\t'),
  );
  return [head, ...lines].join('\n') + '\n';
}

if (require.main === module) {
  const [dir, out = '/tmp/taxonomy-candidates.tsv'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: mine-skills <datasetsDir> [out.tsv]');
    process.exit(2);
  }
  const candidates = mineCandidates(dir);
  writeFileSync(out, candidatesToTsv(candidates));
  console.log(`${candidates.length} candidates written to ${out}`);
}
