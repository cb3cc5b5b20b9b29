import { mapDataset } from '../data/feature-matrix';
import type { ResumeDataRecord } from '../data/resume-data.mapper';
import { computeFeatures } from '../features/compute-features';
import type { ScreeningModel } from '../model/screening-model';
import type { RedactedProfile } from '../redacted-profile.types';
import { jobText, skillJaccard, TfidfBaseline } from './baselines';
import { auc, mae, mean, ndcgAt, spearman } from './metrics';

export interface RankMetrics {
  spearman: number;
  ndcg10: number;
  auc70: number;
  mae?: number;
}

export interface ScorerComparison {
  model: RankMetrics;
  tfidf: RankMetrics;
  jaccard: RankMetrics;
}

export interface ResumeDataReport {
  overall: ScorerComparison;
  slices: Record<string, ScorerComparison>;
}

interface Scored {
  jobId: string;
  slice?: string;
  y: number;
  model: number;
  expected: number;
  tfidf: number;
  jaccard: number;
}

const FIT = 0.7;
const BATCH = 2048;

/** Scores every (resume, job) row with the model and both baselines, then computes the metrics overall and per `holdout_type`. */
export async function evaluateResumeData(
  records: readonly ResumeDataRecord[],
  model: ScreeningModel,
): Promise<ResumeDataReport> {
  const ds = mapDataset(records);
  const tfidf = new TfidfBaseline(
    new Set([...ds.rows.map((r) => r.profile.text), ...ds.rows.map((r) => jobText(r.job))]),
  );
  const scored: Scored[] = [];
  for (let i = 0; i < ds.rows.length; i += BATCH) {
    const chunk = ds.rows.slice(i, i + BATCH);
    const vectors = chunk.map((r) =>
      computeFeatures(ds.redacted.get(r.profile) as RedactedProfile, r.job, model.stats),
    );
    const { probability, expected } = await model.predict(vectors);
    chunk.forEach((r, k) =>
      scored.push({
        jobId: r.jobId,
        slice: r.holdoutType,
        y: r.matchedScore ?? NaN,
        model: probability[k],
        expected: expected[k],
        tfidf: tfidf.score(r.profile.text, jobText(r.job)),
        jaccard: skillJaccard(r.profile, r.job),
      }),
    );
  }
  const labelled = scored.filter((s) => Number.isFinite(s.y));
  const slices: Record<string, ScorerComparison> = {};
  for (const name of [
    ...new Set(labelled.map((s) => s.slice).filter((s): s is string => !!s)),
  ].sort()) {
    slices[name] = compare(labelled.filter((s) => s.slice === name));
  }
  return { overall: compare(labelled), slices };
}

function compare(rows: readonly Scored[]): ScorerComparison {
  return {
    model: {
      ...metricsFor(rows, (s) => s.model),
      mae: round(
        mae(
          rows.map((s) => s.expected),
          rows.map((s) => s.y),
        ),
      ),
    },
    tfidf: metricsFor(rows, (s) => s.tfidf),
    jaccard: metricsFor(rows, (s) => s.jaccard),
  };
}

function metricsFor(rows: readonly Scored[], pick: (s: Scored) => number): RankMetrics {
  const byJob = new Map<string, Scored[]>();
  for (const s of rows) byJob.set(s.jobId, [...(byJob.get(s.jobId) ?? []), s]);
  const sp: number[] = [];
  const nd: number[] = [];
  for (const group of byJob.values()) {
    sp.push(
      spearman(
        group.map(pick),
        group.map((s) => s.y),
      ),
    );
    nd.push(
      ndcgAt(
        group.map(pick),
        group.map((s) => s.y),
        10,
      ),
    );
  }
  return {
    spearman: round(mean(sp)),
    ndcg10: round(mean(nd)),
    auc70: round(
      auc(
        rows.map(pick),
        rows.map((s) => s.y >= FIT),
      ),
    ),
  };
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);
