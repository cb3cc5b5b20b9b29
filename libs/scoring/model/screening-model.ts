import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { modelsDir as defaultModelsDir, projectRoot } from '../../common/paths';
import { DomainError } from '../../common/errors';
import { explainBatch } from '../explain/occlusion';
import { renderReasons } from '../explain/reasons';
import { computeFeatureDetails, type FeatureComputation } from '../features/compute-features';
import { FEATURE_NAMES } from '../features/feature-names';
import type { FitLabel, JobRequirements } from '../job.types';
import type { RedactedProfile } from '../redacted-profile.types';
import type { ScoreResult } from '../score.types';
import type { TextStats } from '../text/text-stats';
import type { ModelCard } from './model-card.types';
import { readModelCard, readVerified, resolveModelVersion } from './model-registry';

export interface LoadOptions {
  version?: string;
  modelsDir?: string;
}

/** Runs one feature matrix through the session; returns calibrated probabilities and expected scores. */
export type RunMatrix = (
  matrix: Float32Array,
  rows: number,
) => Promise<{ probability: Float32Array; expected: Float32Array }>;

/**
 * The screening model: one ONNX session per process (load it once, at worker start), the text
 * statistics it was trained with, and its card. Scoring is blind: it accepts only a RedactedProfile.
 */
export class ScreeningModel {
  private constructor(
    readonly card: ModelCard,
    readonly stats: TextStats,
    private readonly session: ort.InferenceSession,
    /** false when the skills taxonomy changed since training: retrain (models/training/run.sh). */
    readonly taxonomyMatches: boolean,
  ) {}

  get version(): string {
    return this.card.version;
  }

  get sha256(): string {
    return this.card.sha256;
  }

  static async load(opts: LoadOptions = {}): Promise<ScreeningModel> {
    const dir = opts.modelsDir ?? defaultModelsDir();
    const version = resolveModelVersion(dir, opts.version);
    const card = readModelCard(dir, version);
    if (
      card.features.length !== FEATURE_NAMES.length ||
      card.features.some((f, i) => f !== FEATURE_NAMES[i])
    ) {
      throw new DomainError(
        'MODEL.FEATURE_MISMATCH',
        `model ${version} was trained on other features than this code computes`,
        'unavailable',
      );
    }
    const onnxBytes = readVerified(dir, card.file, card.sha256);
    const stats = JSON.parse(
      readVerified(dir, card.textStats.file, card.textStats.sha256).toString('utf8'),
    ) as TextStats;
    // One intra-op thread: workers scale by processes, and batches are small.
    const session = await ort.InferenceSession.create(onnxBytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    return new ScreeningModel(card, stats, session, taxonomyMatches(card));
  }

  async score(profile: RedactedProfile, job: JobRequirements): Promise<ScoreResult> {
    const [result] = await this.scoreBatch([{ profile, job }]);
    return result;
  }

  /** Scores and explains a batch with one session.run (the occlusion rows ride in the same batch). */
  async scoreBatch(
    items: { profile: RedactedProfile; job: JobRequirements }[],
  ): Promise<ScoreResult[]> {
    if (items.length === 0) return [];
    const computed = items.map((it) => computeFeatureDetails(it.profile, it.job, this.stats));
    const explained = await explainBatch(
      computed.map((c) => c.values),
      Float32Array.from(this.card.baseline),
      this.run,
    );
    return items.map((it, i) =>
      this.result(it.job, computed[i], explained.results[i], explained.baseline),
    );
  }

  /** Raw calibrated probabilities for feature vectors, without explanations (evaluation, shadow runs). */
  async predict(
    vectors: Float32Array[],
  ): Promise<{ probability: Float32Array; expected: Float32Array }> {
    const matrix = new Float32Array(vectors.length * FEATURE_NAMES.length);
    vectors.forEach((v, i) => matrix.set(v, i * FEATURE_NAMES.length));
    return this.run(matrix, vectors.length);
  }

  private readonly run: RunMatrix = async (matrix, rows) => {
    const input = new ort.Tensor('float32', matrix, [rows, FEATURE_NAMES.length]);
    const { outputs } = this.card.onnx;
    const out = await this.session.run({ [this.card.onnx.input]: input }, [
      outputs.probability,
      outputs.expected,
    ]);
    return {
      probability: out[outputs.probability].data as Float32Array,
      expected: out[outputs.expected].data as Float32Array,
    };
  };

  private result(
    job: JobRequirements,
    computed: FeatureComputation,
    explained: {
      probability: number;
      expected: number;
      contributions: ScoreResult['explanation']['contributions'];
    },
    baseline: number,
  ): ScoreResult {
    const score = toScore(explained.probability);
    const features: Record<string, number> = {};
    FEATURE_NAMES.forEach((n, k) => (features[n] = round(computed.values[k], 4)));
    return {
      score,
      label: labelFor(score, job.thresholds ?? this.card.thresholds),
      modelVersion: this.card.version,
      modelSha256: this.card.sha256,
      features,
      expected: round(explained.expected, 4),
      explanation: {
        contributions: explained.contributions,
        reasons: renderReasons(computed, explained.contributions, job),
        baseline,
      },
    };
  }
}

function taxonomyMatches(card: ModelCard): boolean {
  if (!card.taxonomy) return true;
  const path = join(projectRoot(), card.taxonomy.file);
  if (!existsSync(path)) return false;
  return createHash('sha256').update(readFileSync(path)).digest('hex') === card.taxonomy.sha256;
}

export function labelFor(score: number, t: { strongFit: number; potentialFit: number }): FitLabel {
  if (score >= t.strongFit) return 'strong_fit';
  if (score >= t.potentialFit) return 'potential_fit';
  return 'weak_fit';
}

export const toScore = (probability: number): number => round(100 * probability, 2);
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
