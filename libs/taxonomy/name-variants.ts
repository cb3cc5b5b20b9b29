/**
 * Spelling variants of one free-text skill name to try, in order, when looking it up: as written,
 * without parentheticals ("SQL (5 years)"), without a version ("Python 3.8", "Python3"), and
 * without the qualifiers that resumes and job posts wrap around skills ("Proficient in Excel",
 * "Strong SQL skills", "Budgeting expertise").
 */
const TRAILING_VERSION = /\s+v?\d+(?:\.(?:\d+|x))*\+?$/i;
const VERSION_SUFFIX = /^(.*[a-z+#])v?\d+(?:\.\d+)*$/i;

const LEADING_QUALIFIER = new RegExp(
  '^(?:' +
    [
      'working knowledge of',
      'knowledge of',
      'experience (?:in|with)',
      'experienced (?:in|with)',
      'expertise in',
      'expert in',
      'proficien(?:t|cy) (?:in|with)',
      'skilled in',
      'familiar(?:ity)? with',
      'trained in',
      'accomplished in',
      'seasoned in',
      'fluent in',
      'hands-on',
      'strong',
      'excellent',
      'exceptional',
      'advanced',
      'basic',
      'solid',
      'superb',
      'superior',
      'outstanding',
      'great',
      'good',
      'effective',
      'highly',
    ].join('|') +
    ')\\s+',
  'i',
);
const TRAILING_QUALIFIER =
  /\s+(?:skills?|expertise|expert|proficiency|proficient|knowledge|experience|familiarity|specialist|abilit(?:y|ies)|techniques?|aptitude|professional|savvy)$/i;

/** Trims, collapses whitespace and drops list bullets and trailing punctuation. */
export function cleanName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/^[\s•·▪●■◦*>\-–—]+/, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

function stripQualifiers(name: string): string {
  let current = name;
  for (;;) {
    const next = current.replace(LEADING_QUALIFIER, '').replace(TRAILING_QUALIFIER, '');
    if (next === current || next.length === 0) return current;
    current = next;
  }
}

export function nameVariants(cleaned: string): string[] {
  const bases = [cleaned, cleanName(cleaned.replace(/\s*\([^)]*\)?/g, ' '))];
  bases.push(stripQualifiers(bases[1]));
  const out: string[] = [];
  for (const base of bases) {
    out.push(base, base.replace(TRAILING_VERSION, ''), base.replace(VERSION_SUFFIX, '$1'));
  }
  return [...new Set(out.filter((v) => v.length > 0))];
}
