import type { DegreeLevel } from '../parsing/profile.types';

/** What the scorer needs to know about a job; the jobs module maps its documents to this. */
export interface JobRequirements {
  title: string;
  description: string;
  requiredSkills: string[];
  preferredSkills: string[];
  minYears?: number;
  educationLevel?: DegreeLevel;
  /** Score cut-offs (0..100) for labels; defaults come from the model card. */
  thresholds?: { strongFit: number; potentialFit: number };
}

export type FitLabel = 'strong_fit' | 'potential_fit' | 'weak_fit';
