import type { JobRequirements } from '../../../libs/scoring/job.types';
import type { RedactedProfile, ScoreResult, ScreeningModel } from '../../../libs/scoring';

interface Pending {
  item: { profile: RedactedProfile; job: JobRequirements };
  resolve: (r: ScoreResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Coalesces concurrent score requests into one `session.run`: jobs that a worker processes at
 * the same time share a batch. `maxWaitMs` bounds the latency a lone request pays for this.
 */
export class ScoreBatcher {
  private pending: Pending[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly model: () => ScreeningModel,
    private readonly maxBatch = 64,
    private readonly maxWaitMs = 2,
  ) {}

  score(profile: RedactedProfile, job: JobRequirements): Promise<ScoreResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item: { profile, job }, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0, this.pending.length);
    if (!batch.length) return;
    let model: ScreeningModel;
    try {
      model = this.model();
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    model
      .scoreBatch(batch.map((p) => p.item))
      .then((results) => batch.forEach((p, i) => p.resolve(results[i])))
      .catch((err) => batch.forEach((p) => p.reject(err)));
  }
}
