import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DomainError } from '../../../../libs/common/errors';
import { redactProfile, type RedactedProfile } from '../../../../libs/scoring';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { lessThan, trustedExpr } from '../../../infra/mongo/trusted';
import type { ApplicationRecord } from '../../applications/application.repository';
import type { Decision } from '../../applications/application.schema';
import { ResumeRepository } from '../../resumes/resume.repository';
import { IndexGate } from '../index-gate';
import {
  BrokenLink,
  ChainContent,
  ChainEntry,
  ChainVerifier,
  GENESIS_HASH,
  sealEntry,
  sha256Hex,
} from './decision-chain';
import { DecisionLogEntry, DecisionLogHead } from './decision-log.schema';
import { summarizeExplanation } from './explanation-summary';

const MAX_ATTEMPTS = 25;
const VERIFY_BATCH = 1000;

export interface ChainReport {
  orgId: string;
  ok: boolean;
  /** Entries whose links and hashes were checked. */
  checked: number;
  firstSeq: number;
  lastSeq: number;
  /** Hash of the last good entry: record it elsewhere to detect a rewrite of the whole log later. */
  headHash: string;
  brokenLink: BrokenLink | null;
  verifiedAt: Date;
}

/** sha256 of what a score was computed from: the redacted profile and the job revision. */
export const inputDigest = (redacted: RedactedProfile, jobRevision: number | null): string =>
  sha256Hex(JSON.stringify({ jobRevision, profile: redacted }));

type ScoreOutput = {
  score: number;
  label: string;
  modelVersion: string;
  modelSha256: string;
  explanation: unknown;
};

/**
 * The tamper-evident decision log: one hash chain per org. Appends need no transaction: each
 * takes the next `seq` of its org, and the unique {orgId, seq} index turns a concurrent writer
 * into an E11000 that is retried on top of the winner.
 */
@Injectable()
export class DecisionLogService {
  private readonly indexes = new IndexGate(() => [this.entries, this.heads]);

  constructor(
    @InjectModel(DecisionLogEntry.name) private readonly entries: Model<DecisionLogEntry>,
    @InjectModel(DecisionLogHead.name) private readonly heads: Model<DecisionLogHead>,
    private readonly resumes: ResumeRepository,
  ) {}

  /** After a model score (worker): actor `system`, action `application.scored`. */
  async recordScore(
    app: Pick<ApplicationRecord, '_id' | 'orgId' | 'jobId'>,
    redacted: RedactedProfile,
    jobRevision: number,
    result: ScoreOutput,
  ) {
    const summary = summarizeExplanation(result.explanation);
    return this.append({
      orgId: app.orgId,
      at: new Date(),
      actor: { sub: 'system', kind: 'system' },
      action: 'application.scored',
      applicationId: String(app._id),
      jobId: app.jobId,
      jobRevision,
      inputSha256: inputDigest(redacted, jobRevision),
      modelVersion: result.modelVersion,
      modelSha256: result.modelSha256,
      score: result.score,
      label: result.label,
      ...summary,
      decision: null,
      reason: null,
      requestId: null,
    });
  }

  /** Whether the score of this application, job revision and model version is in the log. */
  async hasScore(
    orgId: string,
    applicationId: string,
    jobRevision: number,
    modelVersion: string,
  ): Promise<boolean> {
    const found = await this.entries
      .exists({ orgId, applicationId, action: 'application.scored', jobRevision, modelVersion })
      .exec();
    return found !== null;
  }

  /** After a human decision: who decided what, on which input and score, and why. */
  async recordDecision(
    ctx: OrgContext,
    app: ApplicationRecord,
    decision: Pick<Decision, 'value' | 'reason' | 'at'>,
  ) {
    const resume = await this.resumes.findById(ctx.orgId, app.resumeId);
    const revision = app.jobRevision ?? null;
    return this.append({
      orgId: ctx.orgId,
      at: decision.at,
      actor: { sub: ctx.actor.sub, kind: ctx.actor.kind },
      action: 'decision.recorded',
      applicationId: String(app._id),
      jobId: app.jobId,
      jobRevision: revision,
      inputSha256: resume?.profile ? inputDigest(redactProfile(resume.profile), revision) : null,
      modelVersion: app.modelVersion ?? null,
      modelSha256: app.modelSha256 ?? null,
      score: app.score ?? null,
      label: app.label ?? null,
      ...summarizeExplanation(app.explanation),
      decision: decision.value,
      reason: decision.reason ?? null,
      requestId: ctx.requestId ?? null,
    });
  }

  async append(content: Omit<ChainContent, 'seq' | 'prevHash'>): Promise<ChainEntry> {
    await this.indexes.ensure();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const last = await this.tip(content.orgId);
      const entry = sealEntry({ ...content, seq: last.seq + 1, prevHash: last.hash });
      try {
        await this.entries.create(entry);
      } catch (err) {
        if ((err as { code?: number }).code === 11000) continue; // another writer took this seq
        throw err;
      }
      await this.advanceHead(entry);
      return entry;
    }
    throw new DomainError(
      'DECISION_LOG.CONTENDED',
      'The decision log is busy; try again.',
      'unavailable',
    );
  }

  /** The latest entry: the head pointer, then forward past anything a crashed writer left behind. */
  private async tip(orgId: string): Promise<{ seq: number; hash: string }> {
    const head = await this.heads.findOne({ orgId }).lean().exec();
    let last = head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
    for (;;) {
      const next = await this.entries
        .findOne({ orgId, seq: last.seq + 1 }, { seq: 1, hash: 1 })
        .lean()
        .exec();
      if (!next) return last;
      last = { seq: next.seq, hash: next.hash };
    }
  }

  private async advanceHead(e: ChainEntry): Promise<void> {
    const move = () =>
      this.heads
        .updateOne({ orgId: e.orgId, seq: lessThan(e.seq) }, { $set: { seq: e.seq, hash: e.hash } })
        .exec();
    if ((await move()).matchedCount > 0) return;
    if (await this.heads.exists({ orgId: e.orgId })) return; // already ahead of us
    try {
      await this.heads.create({
        orgId: e.orgId,
        seq: e.seq,
        hash: e.hash,
        anchorSeq: 0,
        anchorHash: GENESIS_HASH,
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      await move();
    }
  }

  /** Walks the org's chain from its anchor and reports the first broken link. */
  async verify(orgId: string): Promise<ChainReport> {
    const head = await this.heads.findOne({ orgId }).lean().exec();
    const anchor = head
      ? { seq: head.anchorSeq, hash: head.anchorHash }
      : { seq: 0, hash: GENESIS_HASH };
    const verifier = new ChainVerifier(anchor);
    for (let from = anchor.seq; ; from += VERIFY_BATCH) {
      const batch = await this.entries
        .find({ orgId, seq: trustedExpr({ $gt: from, $lte: from + VERIFY_BATCH }) })
        .lean<(ChainEntry & { _id: unknown })[]>()
        .exec();
      if (batch.length === 0) {
        // A gap wider than a batch: anything further on is out of sequence.
        const beyond = await this.entries
          .findOne({ orgId, seq: trustedExpr({ $gt: from }) })
          .lean<ChainEntry>()
          .exec();
        if (beyond) verifier.push(beyond);
        break;
      }
      batch.sort((a, b) => a.seq - b.seq);
      if (!batch.every((e) => verifier.push(e))) break;
    }
    const broken = verifier.finish(head?.seq ?? 0);
    return {
      orgId,
      ok: !broken,
      checked: verifier.checked,
      firstSeq: anchor.seq + 1,
      lastSeq: verifier.lastSeq,
      headHash: verifier.headHash,
      brokenLink: broken ?? null,
      verifiedAt: new Date(),
    };
  }
}
