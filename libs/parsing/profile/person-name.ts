/**
 * Whether a short string reads as a person's name: two to four capitalised words (initials and
 * particles such as "van", "de" allowed), no digits, and none of the words that mark job titles,
 * headings, document labels or places.
 */
const NOT_NAME_WORDS = new Set(
  (
    'resume curriculum vitae cv profile summary objective contact page address phone email mobile ' +
    'engineer engineering developer manager analyst consultant designer architect scientist ' +
    'specialist assistant associate director officer administrator coordinator accountant lead ' +
    'senior junior intern executive representative technician teacher nurse chef supervisor ' +
    'software data product project sales marketing business technology technical information ' +
    'services service support customer human resources finance financial operations ' +
    'professional experience education skills certified university college institute school ' +
    'street st avenue road city state usa india company inc llc ltd corp solutions systems ' +
    'front end back full stack web mobile cloud machine learning devops qa test quality'
  ).split(' '),
);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'del',
  'der',
  'di',
  'la',
  'le',
  'bin',
  'al',
  'dos',
  'du',
]);

/**
 * `lenient` accepts lower-case words (people type their own name that way on job boards); use it
 * only for the first line of a document, where a name is expected.
 */
export function isPersonName(s: string, lenient = false): boolean {
  if (!s || s.length > 50 || /[\d@/\\|:;()]/.test(s)) return false;
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 4) return false;
  let real = 0;
  for (const w of words) {
    const bare = w.replace(/[.,'’-]/g, '').toLowerCase();
    if (NOT_NAME_WORDS.has(bare)) return false;
    if (PARTICLES.has(w)) continue;
    if (/^\p{Lu}\.?$/u.test(w)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(w) && !(lenient && /^\p{Ll}[\p{L}'’-]+$/u.test(w)))
      return false;
    real++;
  }
  return real >= 2 || (real >= 1 && words.length >= 2 && words.some((w) => /^\p{Lu}\.?$/u.test(w)));
}

/** "JOHN DOE" and "john doe" → "John Doe"; mixed-case names are kept as printed. */
export function toDisplayName(s: string): string {
  if (s !== s.toUpperCase() && s !== s.toLowerCase()) return s;
  return s
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}
