import { US_STATE_RE } from './phone';

/**
 * Telling a job title from an employer. Titles carry role words; employers carry legal or
 * organisational words (or LiveCareer's anonymised "Company Name"). Locations are cut off.
 */
const ROLE_WORDS =
  /\b(?:engineer|developer|programmer|manager|analyst|consultant|designer|architect|scientist|specialist|assistant|associate|director|officer|administrator|admin|coordinator|accountant|auditor|lead|head|intern|trainee|apprentice|executive|representative|technician|teacher|tutor|instructor|professor|lecturer|nurse|chef|cook|supervisor|clerk|cashier|advisor|adviser|agent|attorney|advocate|lawyer|paralegal|editor|writer|producer|artist|researcher|fellow|president|vp|ceo|cto|cfo|coo|founder|co-founder|owner|partner|member|volunteer|operator|mechanic|electrician|driver|pilot|recruiter|buyer|planner|strategist|therapist|pharmacist|physician|doctor|dentist|surgeon|trainer|coach|server|bartender|receptionist|secretary|bookkeeper|controller|treasurer|dba|sre|devops|tester|qa|banker|teller|underwriter|estimator|inspector|surveyor|foreman|superintendent|guard|aide|caregiver|counselor|counsellor|worker|helper|staff|employee|leader|captain|sergeant|lieutenant|principal|dean|librarian|photographer|journalist|marketer|merchandiser|stylist|machinist|welder|carpenter|plumber|laborer|labourer|handler|dispatcher|scheduler|generalist|expert|ambassador|steward|stewardess|attendant|hostess|host|waiter|waitress|barista|housekeeper|janitor|custodian|programme|sales|marketing|support)s?\b/i;

/** Legal-form and institution words that end or name an organisation, never a title. */
const STRONG_ORG =
  /\b(?:inc|llc|llp|ltd|limited|corp|corporation|company|gmbh|plc|pvt|private|bank|university|college|hospital|clinic|agency|foundation|institute|school|s\.a|n\.a|ag|bv|co)\b\.?|company name/i;
const ORG_WORDS =
  /\b(?:inc|llc|ltd|limited|corp|corporation|company|co|group|gmbh|plc|pvt|private|technologies|technology|solutions|systems|services|consulting|labs?|bank|university|college|institute|school|hospital|clinic|agency|associates|partners|enterprises|industries|international|global|holdings|foundation|network|software|studio|studios|media|ventures|infotech|infosys|tcs|wipro|accenture|cognizant|capgemini|ibm|microsoft|google|amazon|oracle|deloitte|hcl)\b\.?/i;

export function titleScore(s: string): number {
  return ROLE_WORDS.test(s) ? 1 : 0;
}

/** Titles end in a role word ("Senior Systems Engineer") or open with one ("Head of Sales"). */
function asTitle(s: string): number {
  const words = s.split(/\s+/);
  let score = 0;
  if (ROLE_WORDS.test(words[words.length - 1] ?? '')) score += 2;
  else if (
    /^(?:\S+\s+)?(?:of|for|,|-)\s/i.test(words.slice(1).join(' ')) &&
    ROLE_WORDS.test(words[0])
  )
    score += 2;
  else if (ROLE_WORDS.test(s)) score += 1;
  if (STRONG_ORG.test(s)) score -= 2;
  return score;
}

function asEmployer(s: string): number {
  let score = STRONG_ORG.test(s) ? 2 : ORG_WORDS.test(s) ? 1 : 0;
  const words = s.split(/\s+/);
  if (ROLE_WORDS.test(words[words.length - 1] ?? '') && !STRONG_ORG.test(s)) score -= 2;
  return score;
}

/** Drops a trailing location ("Company Name – City , State", "UNISYS - Bengaluru, Karnataka -"). */
export function stripLocation(s: string): string {
  const parts = s
    .split(/\s+[-–—•|]\s*|\s*ï¼\s*|\s+@\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const kept = parts.filter((p, i) => i === 0 || !looksLikeLocation(p));
  return kept
    .join(' - ')
    .replace(/[\s,–—-]+$/, '')
    .trim();
}

function looksLikeLocation(p: string): boolean {
  return (
    /^city\s*,?\s*state$/i.test(p) ||
    /^city$/i.test(p) ||
    US_STATE_RE.test(p) ||
    /^[\p{Lu}][\p{L}. ]+,\s*[\p{Lu}][\p{L}. ]+$/u.test(p) ||
    /^(?:remote|hybrid|on-?site)$/i.test(p)
  );
}

/** Splits "Title at Employer", "Title, Employer", "Title | Employer", "Title - Employer" and tabs. */
function fragments(s: string): string[] {
  const at = /^(.{3,80}?)\s+(?:at|@)\s+(.{2,80})$/i.exec(s);
  if (at && titleScore(at[1])) return [at[1], at[2]];
  // LiveCareer prints "Title Company Name – City , State" on one line.
  const anon = /^(.{3,80}?)\s+(Company Name\b.*)$/.exec(s);
  if (anon) return [...fragments(anon[1]), anon[2]];
  return s
    .split(/\t|\s*\|\s*|\s+•\s+|\s+[–—-]\s+(?=[\p{Lu}\d])/u)
    .flatMap(splitCommas)
    .map((f) => f.replace(/^[\s,:;•–—-]+|[\s,:;•–—(-]+$/g, '').trim())
    .filter((f) => f.length >= 2 && !/^(?:city\s*,?\s*state|present|current)$/i.test(f));
}

/** "Registered Nurse, Riverside Community Hospital": split only when a title and an employer result. */
function splitCommas(f: string): string[] {
  if (f.includes(' , ')) return f.split(' , ');
  const pieces = f.split(/,\s+/);
  if (pieces.length < 2) return [f];
  const hasTitle = pieces.some((p) => asTitle(p) > 0);
  const hasOrg = pieces.some((p) => asEmployer(p) > 0 && asTitle(p) <= 0);
  const titleFirst = pieces.length === 2 && asTitle(pieces[0]) >= 2 && asTitle(pieces[1]) <= 0;
  return (hasTitle && hasOrg) || titleFirst ? pieces : [f];
}

/** Picks title and employer from candidate strings ordered by proximity to the date. */
export function splitRole(candidates: string[]): { title?: string; employer?: string } {
  const frags = candidates
    .flatMap(fragments)
    .filter((f) => !looksLikeLocation(f) && !/^https?:\/\//i.test(f));
  const best = (score: (f: string) => number, skip?: string) =>
    frags.reduce<{ f?: string; s: number }>(
      (acc, f) => (f !== skip && score(f) > acc.s ? { f, s: score(f) } : acc),
      { s: 0 },
    ).f;
  let title = best(asTitle);
  let employer = best(asEmployer, title);
  // With no telling words, the line order decides: the fragment next to the date is the title.
  title ??= frags.find((f) => f !== employer && asEmployer(f) <= 0);
  employer ??= frags.find((f) => f !== title && asTitle(f) <= 0);
  const cleanedEmployer = employer ? stripLocation(employer) : undefined;
  return {
    title: title ? clean(title) : undefined,
    employer: cleanedEmployer ? clean(cleanedEmployer) : undefined,
  };
}

const clean = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[•\s]+|[\s,;:]+$/g, '')
    .slice(0, 120);
