import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildProfile, extractText, sniffFileKind, type FileKind } from '../../libs/parsing';
import {
  redactProfile,
  computeFeatures,
  loadJobFile,
  ScreeningModel,
  type JobRequirements,
} from '../../libs/scoring';
import { projectRoot } from '../lib/paths';

export interface ResumeFile {
  path: string;
  kind: FileKind;
  buf: Buffer;
}

/** Every PDF, DOCX and TXT under `dir`, read into memory (timings exclude disk reads). */
export function listResumes(dir: string): ResumeFile[] {
  const out: ResumeFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(pdf|docx|txt)$/i.test(name)) {
        const buf = readFileSync(p);
        const kind = sniffFileKind(buf);
        if (kind) out.push({ path: p, kind, buf });
      }
    }
  };
  walk(dir);
  return out;
}

export function benchJob(): JobRequirements {
  return loadJobFile(join(projectRoot(), 'examples', 'jobs', 'backend-engineer.md'));
}

export interface StageTimes {
  extract: number;
  profile: number;
  features: number;
  score: number;
}

/** One resume through every stage, timed in ms; throws the DomainError a bad file raises. */
export async function timeOne(
  f: ResumeFile,
  model: ScreeningModel,
  job: JobRequirements,
): Promise<StageTimes> {
  const t0 = performance.now();
  const extracted = await extractText(f.buf, f.kind);
  const t1 = performance.now();
  const profile = buildProfile(extracted.text, {
    pages: extracted.pages,
    needsOcr: extracted.needsOcr,
    hiddenTexts: extracted.hiddenTexts,
  });
  const t2 = performance.now();
  const redacted = redactProfile(profile);
  computeFeatures(redacted, job, model.stats);
  const t3 = performance.now();
  await model.scoreBatch([{ profile: redacted, job }]);
  const t4 = performance.now();
  return { extract: t1 - t0, profile: t2 - t1, features: t3 - t2, score: t4 - t3 };
}
