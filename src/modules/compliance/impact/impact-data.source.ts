import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { trustedExpr } from '../../../infra/mongo/trusted';
import { Application } from '../../applications/application.schema';
import { ErasedApplication } from '../erasure/erased-application.schema';
import type { OutcomeRow } from './impact-population';

export interface ImpactScope {
  jobId?: string;
  from?: Date;
  to?: Date;
  modelVersion?: string;
}

type AppRow = Pick<Application, 'score' | 'label' | 'modelVersion' | 'decision'> & { _id: unknown };

/** Reads outcomes (never profiles) for a report: live applications plus erased remnants. */
@Injectable()
export class ImpactDataSource {
  constructor(
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    @InjectModel(ErasedApplication.name) private readonly erased: Model<ErasedApplication>,
  ) {}

  async rows(
    orgId: string,
    scope: ImpactScope,
  ): Promise<{ rows: OutcomeRow[]; erased: Set<string> }> {
    const filter: Record<string, unknown> = { orgId };
    if (scope.jobId) filter.jobId = scope.jobId;
    if (scope.modelVersion) filter.modelVersion = scope.modelVersion;
    if (scope.from || scope.to) {
      filter.createdAt = trustedExpr({
        ...(scope.from ? { $gte: scope.from } : {}),
        ...(scope.to ? { $lt: scope.to } : {}),
      });
    }
    const live = await this.applications
      .find(filter, { score: 1, label: 1, modelVersion: 1, 'decision.value': 1 })
      .lean<AppRow[]>()
      .exec();
    const gone = await this.erased.find(filter).lean<ErasedApplication[]>().exec();
    const rows: OutcomeRow[] = live.map((a) => ({
      applicationId: String(a._id),
      score: a.score ?? null,
      label: a.label ?? null,
      modelVersion: a.modelVersion ?? null,
      decision: a.decision?.value ?? null,
    }));
    for (const g of gone) {
      rows.push({
        applicationId: g.applicationId,
        score: g.score,
        label: g.label,
        modelVersion: g.modelVersion,
        decision: g.decision,
      });
    }
    return { rows, erased: new Set(gone.map((g) => g.applicationId)) };
  }
}
