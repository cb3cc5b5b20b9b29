import type { Span } from '../parsing/profile.types';
import type { FitLabel } from './job.types';

export interface Contribution {
  feature: string;
  value: number;
  /** Score points (0..100 scale) this feature adds compared with its reference value. */
  contribution: number;
}

export interface Reason {
  text: string;
  impact: 'positive' | 'negative';
  /** Offsets into the source `Profile.text`. */
  evidence?: Span[];
}

export interface Explanation {
  /** Sorted by |contribution|, largest first. */
  contributions: Contribution[];
  reasons: Reason[];
  /** Score of the reference profile (every feature at its training median). */
  baseline: number;
}

export interface ScoreResult {
  /** 100 × calibrated P(fit), 0..100. */
  score: number;
  label: FitLabel;
  modelVersion: string;
  modelSha256: string;
  features: Record<string, number>;
  explanation: Explanation;
  /** The model's estimate of the dataset's matched_score (0..1); used for MAE in evaluations. */
  expected: number;
}
