import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { inList, lessThan, trustedExpr } from '../../infra/mongo/trusted';
import { Application, ApplicationStatus, Decision } from './application.schema';
import { Cursor, SHORTLIST_SORT, shortlistFilter, ShortlistFilter } from './shortlist.query';
import { findInOrg } from '../../infra/mongo/find-in-org';

export type ApplicationRecord = Application & { _id: Types.ObjectId };

/** Applications, always scoped by org; status changes are atomic and append to the timeline. */
@Injectable()
export class ApplicationRepository {
  constructor(@InjectModel(Application.name) private readonly model: Model<Application>) {}

  async findById(orgId: string, id: string): Promise<ApplicationRecord | null> {
    return findInOrg<Application, ApplicationRecord>(this.model, orgId, id);
  }

  async findByJobAndResume(orgId: string, jobId: string, resumeId: string) {
    return this.model.findOne({ orgId, jobId, resumeId }).lean<ApplicationRecord>().exec();
  }

  async findByResume(orgId: string, resumeId: string, statuses?: ApplicationStatus[]) {
    const filter: Record<string, unknown> = { orgId, resumeId };
    if (statuses) filter.status = inList(statuses);
    return this.model.find(filter).lean<ApplicationRecord[]>().exec();
  }

  async create(
    data: Pick<Application, 'orgId' | 'jobId' | 'resumeId'> & Partial<Application>,
    status: ApplicationStatus,
    reason: string,
  ): Promise<ApplicationRecord> {
    const at = new Date();
    const doc = await this.model.create({
      ...data,
      status,
      statusAt: at,
      timeline: [
        { status: 'received', at, reason: 'upload accepted' },
        ...(status === 'received' ? [] : [{ status, at, reason }]),
      ],
    });
    return doc.toObject() as ApplicationRecord;
  }

  /**
   * Moves to `to` only from one of `from` (when given); returns whether it moved. The
   * conditional filter makes each transition happen at most once under concurrent workers.
   */
  async transition(
    orgId: string,
    id: string,
    to: ApplicationStatus,
    reason: string,
    from?: ApplicationStatus[],
    set: Partial<Application> = {},
    match: Record<string, unknown> = {},
  ): Promise<boolean> {
    const filter: Record<string, unknown> = { ...match, _id: id, orgId };
    if (from) filter.status = inList(from);
    const at = new Date();
    const res = await this.model
      .updateOne(filter, {
        $set: { ...set, status: to, statusAt: at },
        $push: { timeline: { status: to, at, reason } },
      })
      .exec();
    return res.modifiedCount === 1;
  }

  /**
   * Claims the application for one scoring run. Queue delivery is at-least-once, so the same
   * work can run twice (a stalled job, a re-enqueue): a run that finds the result already there
   * at this job revision and model version gets nothing, and a later claim supersedes an earlier
   * one, whose final write then no longer matches `screeningRun`.
   */
  async claimScreening(
    orgId: string,
    id: string,
    runId: string,
    from: ApplicationStatus[],
    revision: number,
    version: string,
  ) {
    const at = new Date();
    const res = await this.model
      .updateOne(
        {
          _id: id,
          orgId,
          status: inList(from),
          $nor: [{ status: 'screened', jobRevision: revision, modelVersion: version }],
        },
        {
          $set: { status: 'screening', statusAt: at, screeningRun: runId },
          $push: {
            timeline: { status: 'screening', at, reason: `scoring started (model ${version})` },
          },
        },
      )
      .exec();
    return res.modifiedCount === 1;
  }

  /** Transitions every application of a resume that is in one of `from`. */
  async transitionByResume(
    orgId: string,
    resumeId: string,
    to: ApplicationStatus,
    reason: string,
    from: ApplicationStatus[],
  ): Promise<number> {
    const at = new Date();
    const res = await this.model
      .updateMany(
        { orgId, resumeId, status: inList(from) },
        { $set: { status: to, statusAt: at }, $push: { timeline: { status: to, at, reason } } },
      )
      .exec();
    return res.modifiedCount;
  }

  async incrementRetries(orgId: string, id: string): Promise<number | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: id, orgId }, { $inc: { retries: 1 } }, { new: true })
      .lean<ApplicationRecord>()
      .exec();
    return doc?.retries ?? null;
  }

  /** Work whose status has not moved since `before`: the outbox sweeper's input (all orgs). */
  async findStale(statuses: ApplicationStatus[], before: Date, limit: number) {
    return this.model
      .find({ status: inList(statuses), statusAt: lessThan(before) })
      .limit(limit)
      .lean<ApplicationRecord[]>()
      .exec();
  }

  /** One shortlist page plus one extra item to tell whether another page follows. */
  async page(
    orgId: string,
    jobId: string,
    filter: ShortlistFilter,
    after: Cursor | undefined,
    limit: number,
  ) {
    return this.model
      .find(shortlistFilter(orgId, jobId, filter, after))
      .sort(SHORTLIST_SORT)
      .limit(limit + 1)
      .lean<ApplicationRecord[]>()
      .exec();
  }

  /** Records a decision only if the application is still where the person saw it. */
  async decide(orgId: string, id: string, decision: Decision, from: ApplicationStatus[]) {
    return this.model
      .findOneAndUpdate(
        { _id: id, orgId, status: inList(from) },
        { $set: { decision }, $push: { decisions: decision } },
        { new: true },
      )
      .lean<ApplicationRecord>()
      .exec();
  }

  async findByJob(
    orgId: string,
    jobId: string,
    statuses: ApplicationStatus[],
    afterId: string | undefined,
    limit: number,
  ) {
    const filter: Record<string, unknown> = { orgId, jobId, status: inList(statuses) };
    if (afterId) filter._id = trustedExpr({ $gt: new Types.ObjectId(afterId) });
    return this.model.find(filter).sort({ _id: 1 }).limit(limit).lean<ApplicationRecord[]>().exec();
  }

  async setShadow(
    orgId: string,
    id: string,
    shadow: NonNullable<Application['shadow']>,
  ): Promise<void> {
    await this.model.updateOne({ _id: id, orgId }, { $set: { shadow } }).exec();
  }

  /** Scored applications that also carry a shadow score of `version` (for the promotion report). */
  async findShadowed(orgId: string, version: string, jobId?: string) {
    const filter: Record<string, unknown> = {
      orgId,
      'shadow.version': version,
      status: 'screened',
    };
    if (jobId) filter.jobId = jobId;
    return this.model
      .find(filter)
      .select({ score: 1, label: 1, shadow: 1 })
      .lean<ApplicationRecord[]>()
      .exec();
  }
}
