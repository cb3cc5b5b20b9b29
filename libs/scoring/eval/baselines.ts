import type { Profile } from '../../parsing/profile.types';
import type { JobRequirements } from '../job.types';
import { cosine, fitTextStats, tfidfVector, type TextStats } from '../text/text-stats';
import { tokenize } from '../text/tokenize';

/**
 * The two reference scorers `screener evaluate` reports next to the model. Both see the raw
 * (unredacted) texts, as an off-the-shelf screener would.
 */
export const jobText = (job: JobRequirements): string =>
  [job.title, job.description, ...job.requiredSkills, ...job.preferredSkills].join('\n');

/** TF-IDF cosine between resume text and job text, with IDF fitted on the evaluated corpus itself. */
export class TfidfBaseline {
  private readonly stats: TextStats;
  private readonly vectors = new Map<string, ReturnType<typeof tfidfVector>>();

  constructor(documents: Iterable<string>) {
    this.stats = fitTextStats(documents, 1);
  }

  score(resumeText: string, jobTextValue: string): number {
    return cosine(this.vector(resumeText), this.vector(jobTextValue));
  }

  private vector(text: string) {
    let v = this.vectors.get(text);
    if (!v) {
      v = tfidfVector(tokenize(text), this.stats);
      this.vectors.set(text, v);
    }
    return v;
  }
}

/** Jaccard overlap of the resume's skill tokens (its text when it lists no skills) and the job's tokens. */
export function skillJaccard(profile: Profile, job: JobRequirements): number {
  const skillText = profile.skills.length
    ? profile.skills.map((s) => s.canonical).join('\n')
    : profile.text;
  const a = new Set(tokenize(skillText));
  const b = new Set(tokenize(jobText(job)));
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union > 0 ? inter / union : 0;
}
