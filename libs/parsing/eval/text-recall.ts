import { normalizeText } from '../normalize/normalize-text';

/**
 * Character recall of extracted text against a reference: the share of the reference's
 * non-space characters that fall in words the extraction reproduced (a multiset of words, each
 * weighted by its length). Insensitive to line breaks and column order, sensitive to dropped,
 * broken or garbled words. Both sides are normalised the same way first.
 */
export function charRecall(reference: string, candidate: string): number {
  const ref = wordCounts(reference);
  const cand = wordCounts(candidate);
  let total = 0;
  let hit = 0;
  for (const [w, n] of ref) {
    total += n * w.length;
    hit += Math.min(n, cand.get(w) ?? 0) * w.length;
  }
  return total === 0 ? 1 : hit / total;
}

function wordCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of normalizeText(text).split(/\s+/)) {
    if (w) m.set(w, (m.get(w) ?? 0) + 1);
  }
  return m;
}
