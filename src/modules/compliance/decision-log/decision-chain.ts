import { createHash } from 'node:crypto';

/** prevHash of an org's first entry. */
export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 'decision-log/v1';

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export interface ReasonSummary {
  text: string;
  impact: 'positive' | 'negative';
}

/**
 * The fields of one decision-log entry. Personal data (the free-text `reason` and the
 * resume-derived `explanation`) enters the hash only through its sha256, so erasure can drop
 * the text and keep the commitment: the chain still verifies, and any edit of text that is
 * still present is caught by its commitment.
 */
export interface ChainEntry {
  orgId: string;
  seq: number;
  prevHash: string;
  hash: string;
  at: Date;
  actor: { sub: string; kind: string };
  action: string;
  applicationId: string | null;
  jobId: string | null;
  jobRevision: number | null;
  /** sha256 of the redacted profile and job revision the model (or person) saw. */
  inputSha256: string | null;
  modelVersion: string | null;
  modelSha256: string | null;
  score: number | null;
  label: string | null;
  /** Top features and their score points; derived from the model, not the person. */
  contributions: { feature: string; points: number }[];
  explanation: ReasonSummary[] | null;
  explanationSha256: string | null;
  decision: string | null;
  reason: string | null;
  reasonSha256: string | null;
  requestId: string | null;
  /** Set when erasure removed `reason` and `explanation`, leaving their hashes. */
  erasedAt?: Date | null;
}

export type ChainContent = Omit<
  ChainEntry,
  'hash' | 'explanationSha256' | 'reasonSha256' | 'erasedAt'
>;

export const explanationDigest = (e: ReasonSummary[] | null): string | null =>
  e === null ? null : sha256Hex(JSON.stringify(e));
export const reasonDigest = (r: string | null): string | null => (r === null ? null : sha256Hex(r));

/** The entry hash: sha256 over a fixed-order JSON array of every field but the hash itself. */
export function entryHash(e: Omit<ChainEntry, 'hash' | 'erasedAt'>): string {
  const parts = [
    FORMAT,
    e.orgId,
    e.seq,
    e.prevHash,
    new Date(e.at).toISOString(),
    e.actor.sub,
    e.actor.kind,
    e.action,
    e.applicationId,
    e.jobId,
    e.jobRevision,
    e.inputSha256,
    e.modelVersion,
    e.modelSha256,
    e.score,
    e.label,
    e.contributions.map((c) => [c.feature, c.points]),
    e.explanationSha256,
    e.decision,
    e.reasonSha256,
    e.requestId,
  ];
  return sha256Hex(JSON.stringify(parts));
}

/** Completes an entry: commitments for its personal data, then its hash. */
export function sealEntry(content: ChainContent): ChainEntry {
  const withDigests = {
    ...content,
    explanationSha256: explanationDigest(content.explanation),
    reasonSha256: reasonDigest(content.reason),
  };
  return { ...withDigests, hash: entryHash(withDigests) };
}

export type ChainProblem =
  | 'seq_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'content_mismatch'
  | 'content_removed'
  | 'truncated';

export interface BrokenLink {
  seq: number;
  entryId?: string;
  problem: ChainProblem;
  detail: string;
}

/**
 * Walks one org's entries in seq order, from an anchor (genesis, or the last entry removed by
 * retention). Feed entries with `push`; the first problem found is kept and returned.
 */
export class ChainVerifier {
  private expectedSeq: number;
  private prev: string;
  checked = 0;
  broken?: BrokenLink;

  constructor(anchor: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.expectedSeq = anchor.seq + 1;
    this.prev = anchor.hash;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get headHash(): string {
    return this.prev;
  }

  /** Returns false once the chain is broken (later entries are not checked). */
  push(e: ChainEntry & { _id?: unknown }): boolean {
    if (this.broken) return false;
    const problem = this.check(e);
    if (problem) {
      this.broken = {
        seq: e.seq,
        entryId: e._id === undefined ? undefined : String(e._id),
        ...problem,
      };
      return false;
    }
    this.checked++;
    this.expectedSeq = e.seq + 1;
    this.prev = e.hash;
    return true;
  }

  private check(e: ChainEntry): Omit<BrokenLink, 'seq' | 'entryId'> | undefined {
    if (e.seq !== this.expectedSeq)
      return { problem: 'seq_gap', detail: `expected entry ${this.expectedSeq}, found ${e.seq}` };
    if (e.prevHash !== this.prev)
      return {
        problem: 'prev_hash_mismatch',
        detail: 'prevHash does not match the hash of the previous entry',
      };
    const content = contentProblem(e);
    if (content) return content;
    if (entryHash(e) !== e.hash)
      return {
        problem: 'hash_mismatch',
        detail: 'the stored fields do not hash to the stored hash',
      };
    return undefined;
  }

  /** Call after the last entry: the head pointer must not claim more entries than were found. */
  finish(headSeq: number): BrokenLink | undefined {
    if (!this.broken && headSeq > this.lastSeq) {
      this.broken = {
        seq: this.lastSeq + 1,
        problem: 'truncated',
        detail: `the log head records entry ${headSeq}, but the chain ends at ${this.lastSeq}`,
      };
    }
    return this.broken;
  }
}

function contentProblem(e: ChainEntry): Omit<BrokenLink, 'seq' | 'entryId'> | undefined {
  const fields: [string, unknown, string | null, string | null][] = [
    ['reason', e.reason, reasonDigest(e.reason ?? null), e.reasonSha256],
    ['explanation', e.explanation, explanationDigest(e.explanation ?? null), e.explanationSha256],
  ];
  for (const [name, value, digest, stored] of fields) {
    if (value !== null && value !== undefined && digest !== stored) {
      return { problem: 'content_mismatch', detail: `${name} does not match its sha256` };
    }
    if ((value === null || value === undefined) && stored !== null && !e.erasedAt) {
      return {
        problem: 'content_removed',
        detail: `${name} was removed without an erasure record`,
      };
    }
  }
  return undefined;
}
