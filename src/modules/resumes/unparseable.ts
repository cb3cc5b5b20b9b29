import type { ResumeRecord } from './resume.repository';

/**
 * Why a new application of this resume goes straight to a person: its bytes already failed to
 * parse. Undefined while parsing may still succeed. Re-enqueueing the parse would not help: its
 * deterministic job id is a no-op while the finished job is kept.
 */
export function unparseableReason(
  resume: Pick<ResumeRecord, 'parseStatus' | 'parseErrorCode' | 'parseError'>,
): string | undefined {
  if (resume.parseStatus !== 'needs_review' && resume.parseStatus !== 'failed') return undefined;
  return `resume could not be parsed: ${resume.parseErrorCode ?? resume.parseError ?? resume.parseStatus}`;
}
