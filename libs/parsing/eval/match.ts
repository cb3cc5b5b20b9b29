/** Field comparison rules of the parsing evaluation (documented in the eval report). */

export const normalizeName = (s: string | null | undefined): string =>
  (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Phones match when their digits agree, ignoring a leading country code (last ten digits). */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const da = (a ?? '').replace(/\D/g, '');
  const db = (b ?? '').replace(/\D/g, '');
  if (!da || !db) return !da && !db;
  if (da.length >= 10 && db.length >= 10) return da.slice(-10) === db.slice(-10);
  return da === db;
}

export const sameText = (a: string | null | undefined, b: string | null | undefined): boolean =>
  normalizeName(a) === normalizeName(b);

const tokens = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * Fuzzy span agreement: shared word tokens cover at least half of the longer side. Used for
 * degrees, colleges and designations, whose gold spans vary in what they include.
 */
export function overlaps(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return false;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.max(ta.size, tb.size) >= 0.5;
}

export interface PrCounts {
  tpPred: number;
  pred: number;
  tpGold: number;
  gold: number;
}

export const emptyCounts = (): PrCounts => ({ tpPred: 0, pred: 0, tpGold: 0, gold: 0 });

/** Adds one record's predicted and gold items to micro-averaged precision/recall counts. */
export function addPr(
  c: PrCounts,
  pred: string[],
  gold: string[],
  eq: (p: string, g: string) => boolean,
): void {
  c.pred += pred.length;
  c.gold += gold.length;
  c.tpPred += pred.filter((p) => gold.some((g) => eq(p, g))).length;
  c.tpGold += gold.filter((g) => pred.some((p) => eq(p, g))).length;
}

export const precisionRecall = (c: PrCounts): { precision: number; recall: number } => ({
  precision: c.pred ? c.tpPred / c.pred : 0,
  recall: c.gold ? c.tpGold / c.gold : 0,
});
