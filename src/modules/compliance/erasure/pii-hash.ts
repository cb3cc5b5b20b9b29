import { createHash } from 'node:crypto';

export const hashedValue = (value: string): string =>
  `sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}`;
const isHashed = (v: string) => /^sha256:[a-f\d]{64}$/.test(v);

/** Free-text keys that may hold what a person wrote about the candidate. */
const FREE_TEXT_KEYS = new Set(['reason', 'note', 'comment']);

/**
 * Replaces personal data inside an audit record's `details` with its sha256: every free-text
 * field, and any string containing one of `identifiers` (e-mail, file hash). Structure, ids,
 * numbers and everything else stay, so the record still says who did what and when.
 * Returns the new details and whether anything changed.
 */
export function hashPersonalData(
  details: unknown,
  identifiers: readonly string[],
): { value: unknown; changed: boolean } {
  let changed = false;
  const needles = identifiers.filter((s) => s.length >= 3).map((s) => s.toLowerCase());
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (isHashed(v)) return v;
      const lower = v.toLowerCase();
      if (
        (key !== undefined && FREE_TEXT_KEYS.has(key)) ||
        needles.some((n) => lower.includes(n))
      ) {
        changed = true;
        return hashedValue(v);
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object' && !(v instanceof Date) && v.constructor === Object) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  const value = walk(details);
  return { value, changed };
}
