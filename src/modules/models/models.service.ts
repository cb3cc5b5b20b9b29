import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/common/errors';
import { modelsDir } from '../../../libs/common/paths';
import {
  compareShadow,
  listModelVersions,
  readModelCard,
  resolveModelVersion,
} from '../../../libs/scoring';
import type { FitLabel } from '../../../libs/scoring/job.types';
import { AppConfig } from '../../config/app-config';
import { QueueName } from '../../queues/queue-names';
import { QueueProducer } from '../../queues/queue-producer';
import { ApplicationRepository } from '../applications/application.repository';
import { JobRepository } from '../jobs/job.repository';

/**
 * The model registry as admins see it. The API reads model cards only; every score is computed
 * by workers, which load ONNX sessions.
 */
@Injectable()
export class ModelsService {
  constructor(
    private readonly config: AppConfig,
    private readonly producer: QueueProducer,
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobRepository,
  ) {}

  private dir(): string {
    return this.config.MODELS_DIR || modelsDir();
  }

  list() {
    const dir = this.dir();
    const active = resolveModelVersion(dir, this.config.MODEL_VERSION);
    return listModelVersions(dir).map((version) => {
      const card = readModelCard(dir, version);
      return {
        version,
        sha256: card.sha256,
        active: version === active,
        shadow: version === this.config.SHADOW_MODEL_VERSION,
        metrics: (card as unknown as { metrics?: unknown }).metrics,
        thresholds: (card as unknown as { thresholds?: unknown }).thresholds,
      };
    });
  }

  private requireVersion(version: string): void {
    if (!listModelVersions(this.dir()).includes(version)) {
      throw new DomainError(
        'MODEL.NOT_FOUND',
        `No model version ${version} is installed.`,
        'not_found',
      );
    }
  }

  async rescore(orgId: string, version: string, jobId?: string) {
    this.requireVersion(version);
    if (jobId && !(await this.jobs.findById(orgId, jobId))) {
      throw new DomainError('JOB.NOT_FOUND', 'No such job.', 'not_found');
    }
    const queued = await this.producer.add(
      QueueName.Maintenance,
      `rescore_${orgId}_${jobId ?? 'all'}_${version}_${Date.now()}`,
      {
        task: 'rescore',
        orgId,
        jobId,
        modelVersion: version,
      },
    );
    if (!queued)
      throw new DomainError(
        'SERVICE.QUEUE_UNAVAILABLE',
        'The queue is unavailable; retry shortly.',
        'unavailable',
      );
    return { version, jobId: jobId ?? null, queued: true };
  }

  /** Compares the shadow version's scores with the active ones on the same applications. */
  async shadowReport(orgId: string, version: string, jobId?: string) {
    this.requireVersion(version);
    const apps = await this.applications.findShadowed(orgId, version, jobId);
    const active = apps.map((a) => ({
      id: String(a._id),
      score: a.score as number,
      label: a.label as FitLabel,
    }));
    const candidate = apps.map((a) => ({
      id: String(a._id),
      score: a.shadow!.score,
      label: a.shadow!.label as FitLabel,
    }));
    return { version, jobId: jobId ?? null, ...compareShadow(active, candidate) };
  }
}
