import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Types } from 'mongoose';
import request from 'supertest';
import { Application } from '../../src/modules/applications/application.schema';

export const labelFor = (score: number) =>
  score >= 70 ? 'strong_fit' : score >= 45 ? 'potential_fit' : 'weak_fit';

/** Seeds screened applications straight into MongoDB (scores given), returning their ids. */
export async function seedApplications(
  app: INestApplication,
  orgId: string,
  jobId: string,
  scores: (number | null)[],
  extra: Partial<Application> = {},
): Promise<string[]> {
  const model = app.get<Model<Application>>(getModelToken(Application.name));
  const docs = scores.map((score) => ({
    orgId,
    jobId,
    resumeId: new Types.ObjectId().toString(),
    status: score === null ? 'needs_review' : 'screened',
    statusAt: new Date(),
    timeline: [],
    score: score ?? undefined,
    label: score === null ? undefined : labelFor(score),
    modelVersion: score === null ? undefined : 'seed-1',
    explanation:
      score === null
        ? undefined
        : {
            contributions: [],
            reasons: [{ text: 'Has 3 of 3 required skills', impact: 'positive' }],
            baseline: 40,
          },
    ...extra,
  }));
  const created = await model.insertMany(docs);
  return created.map((d) => String(d._id));
}

export const http = (app: INestApplication) => request(app.getHttpServer());
export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
