import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Readers for the shared evaluation data; every reader returns null when its input is missing. */
export interface LiveCareerCase {
  id: string;
  file: string;
  reference: string;
}

export function readLiveCareerCases(dir: string): LiveCareerCase[] | null {
  const filesCsv = join(dir, 'resume-files', 'files.csv');
  const textCsv = join(dir, 'resume-categories', 'livecareer_resumes.csv');
  if (!existsSync(filesCsv) || !existsSync(textCsv)) return null;
  const texts = new Map<string, string>();
  for (const row of parse(readFileSync(textCsv), { columns: true }) as Record<string, string>[]) {
    texts.set(row.ID, row.Resume_text ?? '');
  }
  const cases: LiveCareerCase[] = [];
  for (const row of parse(readFileSync(filesCsv), { columns: true }) as Record<string, string>[]) {
    const m = /pdf\/livecareer\/[^/]+\/(\d+)\.pdf$/.exec(row.file ?? '');
    if (!m || !texts.has(m[1])) continue;
    cases.push({ id: m[1], file: join(dir, row.file), reference: texts.get(m[1]) ?? '' });
  }
  return cases.length ? cases : null;
}

export interface ContactTruth {
  file: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

export function readContactTruth(dir: string): ContactTruth[] | null {
  const path = join(dir, 'resume-files', 'contact_ground_truth.json');
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Omit<ContactTruth, 'file'>>;
  return Object.entries(raw)
    .filter(([rel]) => existsSync(join(dir, rel)))
    .map(([rel, v]) => ({ ...v, links: v.links ?? [], file: join(dir, rel) }));
}

export interface NerRecord {
  content: string;
  annotation: { label: string[]; points: { start: number; end: number; text: string }[] }[];
}

export function readNerRecords(dir: string): NerRecord[] | null {
  const path = join(dir, 'resume-ner', 'dataturks_resume_entities.jsonl');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NerRecord);
}
