import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import { ScreeningModel } from '../../../libs/scoring';
import { AppConfig } from '../../config/app-config';
import type { ReadinessCheck } from '../../health/readiness';

export const MODEL_INFO = 'screener_model_info';

/**
 * Owns the worker's single ONNX session: loaded once at start, never per job, and never in the
 * API process (only WorkerModule provides this class).
 */
@Injectable()
export class ScreeningModelHolder implements OnModuleInit, ReadinessCheck {
  readonly key = 'model';
  private readonly logger = new Logger(ScreeningModelHolder.name);
  private model?: ScreeningModel;
  private failure?: string;

  constructor(
    private readonly config: AppConfig,
    @InjectMetric(MODEL_INFO) private readonly info: Gauge<string>,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      this.model = await ScreeningModel.load({
        version: this.config.MODEL_VERSION,
        modelsDir: this.config.MODELS_DIR,
      });
      this.info.set({ version: this.model.version, sha: this.model.sha256 }, 1);
      this.logger.log(
        `model ${this.model.version} loaded (sha256 ${this.model.sha256.slice(0, 12)})`,
      );
    } catch (err) {
      // The process stays up so probes can say why; readiness keeps it out of rotation.
      this.failure = (err as Error).message;
      this.logger.error(`model failed to load: ${this.failure}`);
    }
  }

  private readonly others = new Map<string, Promise<ScreeningModel>>();

  /**
   * The active model, or another version for an admin re-score or shadow scoring; each version
   * is loaded at most once per process.
   */
  async forVersion(version?: string): Promise<ScreeningModel> {
    const active = this.get();
    if (!version || version === active.version) return active;
    let loading = this.others.get(version);
    if (!loading) {
      loading = ScreeningModel.load({ version, modelsDir: this.config.MODELS_DIR });
      this.others.set(version, loading);
      loading.catch(() => this.others.delete(version));
    }
    return loading;
  }

  /** The candidate version scored alongside the active one (SHADOW_MODEL_VERSION), if any. */
  shadowVersion(): string | undefined {
    const v = this.config.SHADOW_MODEL_VERSION;
    return v && v !== this.model?.version ? v : undefined;
  }

  get(): ScreeningModel {
    if (!this.model) throw new Error(`screening model not loaded: ${this.failure ?? 'loading'}`);
    return this.model;
  }

  async check(): Promise<string | null> {
    if (this.model) return null;
    return this.failure ? `not loaded: ${this.failure}` : 'loading';
  }
}
