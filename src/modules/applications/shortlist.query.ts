import { Types } from 'mongoose';
import { DomainError } from '../../../libs/common/errors';
import { inList, trustedExpr } from '../../infra/mongo/trusted';
import type { ApplicationStatus, DecisionValue } from './application.schema';

export interface ShortlistFilter {
  status?: ApplicationStatus[];
  label?: string[];
  minScore?: number;
  skill?: string[];
  decision?: (DecisionValue | 'none')[];
}

/** Position after which the next page starts: the last item's score (null when unscored) and id. */
export interface Cursor {
  s: number | null;
  id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if ((c.s === null || typeof c.s === 'number') && Types.ObjectId.isValid(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new DomainError(
    'COMMON.INVALID_CURSOR',
    'The cursor is not valid; start again without it.',
    'validation',
  );
}

/** Builds the Mongo filter for one page: the org/job scope, the filters, then "after the cursor". */
export function shortlistFilter(orgId: string, jobId: string, f: ShortlistFilter, after?: Cursor) {
  const and: Record<string, unknown>[] = [{ orgId }, { jobId }];
  if (f.status?.length) and.push({ status: inList(f.status) });
  if (f.label?.length) and.push({ label: inList(f.label) });
  if (f.minScore !== undefined) and.push({ score: trustedExpr({ $gte: f.minScore }) });
  if (f.skill?.length) and.push({ skills: trustedExpr({ $all: f.skill }) });
  if (f.decision?.length) {
    const values = f.decision.filter((d) => d !== 'none');
    const or: Record<string, unknown>[] = [];
    if (values.length) or.push({ 'decision.value': inList(values) });
    if (f.decision.includes('none')) or.push({ decision: trustedExpr({ $exists: false }) });
    and.push(trustedExpr({ $or: or }) as Record<string, unknown>);
  }
  if (after) and.push(afterCursor(after) as Record<string, unknown>);
  return trustedExpr({ $and: and });
}

/** Items strictly after the cursor in (score desc, nulls last, id asc) order. */
function afterCursor({ s, id }: Cursor) {
  const oid = new Types.ObjectId(id);
  if (s === null) {
    return trustedExpr({ $and: [{ score: null }, { _id: trustedExpr({ $gt: oid }) }] });
  }
  return trustedExpr({
    $or: [
      { score: trustedExpr({ $lt: s }) },
      { score: null },
      { $and: [{ score: s }, { _id: trustedExpr({ $gt: oid }) }] },
    ],
  });
}

export const SHORTLIST_SORT = { score: -1, _id: 1 } as const;
