/**
 * Text redaction for blind screening. The output feeds features only, so it favours removing too
 * much over too little; it is not length-preserving. Counterfactual edits (another name, pronoun,
 * gendered job title, address or year) must produce the same redacted text.
 */
export interface RedactionContext {
  /** Literal strings to remove wherever they occur: the candidate's name, e-mail, phone, location, links. */
  literals: string[];
  /** Single name tokens (first, middle, last names) removed as whole words. */
  nameTokens: string[];
}

const GENDERED: Record<string, string> = {
  // Neutral forms are listed too, so "They"/"they" come out identical to "She"/"he".
  they: 'they',
  them: 'them',
  their: 'their',
  theirs: 'theirs',
  themselves: 'themselves',
  he: 'they',
  she: 'they',
  him: 'them',
  his: 'their',
  her: 'their',
  hers: 'theirs',
  himself: 'themselves',
  herself: 'themselves',
  sir: '',
  madam: '',
  man: 'person',
  woman: 'person',
  men: 'people',
  women: 'people',
  male: '',
  female: '',
  boy: 'child',
  girl: 'child',
  boys: 'children',
  girls: 'children',
  gentleman: 'person',
  lady: 'person',
  gentlemen: 'people',
  ladies: 'people',
  mother: 'parent',
  father: 'parent',
  mom: 'parent',
  dad: 'parent',
  mothers: 'parents',
  fathers: 'parents',
  wife: 'spouse',
  husband: 'spouse',
  son: 'child',
  daughter: 'child',
  brother: 'sibling',
  sister: 'sibling',
  boyfriend: 'partner',
  girlfriend: 'partner',
  maternity: 'parental',
  paternity: 'parental',
  fraternity: 'student society',
  sorority: 'student society',
  chairman: 'chairperson',
  chairwoman: 'chairperson',
  chairmen: 'chairpersons',
  chairwomen: 'chairpersons',
  salesman: 'salesperson',
  saleswoman: 'salesperson',
  salesmen: 'salespeople',
  saleswomen: 'salespeople',
  businessman: 'businessperson',
  businesswoman: 'businessperson',
  spokesman: 'spokesperson',
  spokeswoman: 'spokesperson',
  foreman: 'supervisor',
  forewoman: 'supervisor',
  waiter: 'server',
  waitress: 'server',
  actress: 'actor',
  stewardess: 'flight attendant',
  steward: 'flight attendant',
  hostess: 'host',
  headmaster: 'head teacher',
  headmistress: 'head teacher',
  policeman: 'police officer',
  policewoman: 'police officer',
  fireman: 'firefighter',
  firewoman: 'firefighter',
  craftsman: 'craftsperson',
  craftswoman: 'craftsperson',
  sportsman: 'athlete',
  sportswoman: 'athlete',
  congressman: 'legislator',
  congresswoman: 'legislator',
  housewife: 'homemaker',
  househusband: 'homemaker',
  alumnus: 'graduate',
  alumna: 'graduate',
  alumni: 'graduates',
  alumnae: 'graduates',
  masculine: '',
  feminine: '',
};
const GENDERED_RE = new RegExp(`\\b(${Object.keys(GENDERED).join('|')})\\b(?:'s)?`, 'gi');

// "Label: value" lines about protected or private attributes are dropped up to the end of the line.
const PERSONAL_LINE_RE =
  /\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|born(?:\s+on)?|gender|sex|marital\s+status|nationality|citizenship|religion|caste|ethnicity|race|age|father'?s\s+name|mother'?s\s+name|spouse'?s?\s+name|passport(?:\s+no\.?)?|visa\s+status)\s*[:\-–]\s*[^\n]*/gi;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|in|me|dev|co)\/\S*/gi;
const PHONE_RE = /(?:\+?\d[\d\s().-]{6,}\d)/g;
const AGE_RE = /\b\d{1,2}\s*[- ]?\s*(?:years?|yrs?)\s*[- ]?\s*old\b|\baged?\s+\d{1,2}\b/gi;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_RE = new RegExp(
  `\\b(?:(?:${MONTHS})\\.?\\s*,?\\s*)?(?:\\d{1,2}[/.-])?(?:\\d{1,2}[/.-])?(?:19|20)\\d{2}\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2}\\b`,
  'gi',
);
const STREET_RE =
  /\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|highway|hwy)\b\.?/gi;
const POSTCODE_RE = /\b\d{5}(?:-\d{4})?\b|\b\d{3}\s?\d{3}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
// Case-sensitive, so that "MS Office" and "miss a deadline" survive.
const HONORIFIC_RE = /\b(?:Mr|Mrs|Ms|Miss|Mx|MR|MRS|MISS)\b\.?(?=\s+[A-Z])/g;
const NAME_INTRO_RE =
  /\b(?:my\s+(?:full\s+)?name\s+is|i\s+am\s+called|name\s*:)\s*(?:[A-Z][\w'’-]*\s*){1,5}/g;

export function redactText(text: string, ctx: RedactionContext): string {
  let out = text;
  for (const lit of ctx.literals) {
    if (lit.trim().length >= 2) out = out.split(lit).join(' ');
  }
  out = out
    .replace(PERSONAL_LINE_RE, ' ')
    .replace(NAME_INTRO_RE, ' ')
    .replace(HONORIFIC_RE, ' ')
    .replace(EMAIL_RE, ' ')
    .replace(URL_RE, ' ')
    .replace(AGE_RE, ' ')
    .replace(STREET_RE, ' ')
    .replace(DATE_RE, ' ')
    .replace(PHONE_RE, ' ')
    .replace(POSTCODE_RE, ' ');
  for (const tok of ctx.nameTokens) {
    if (tok.length < 2) continue;
    out = out.replace(new RegExp(`\\b${escapeRegExp(tok)}\\b(?:'s)?`, 'gi'), ' ');
  }
  out = out.replace(GENDERED_RE, (m: string, word: string) => GENDERED[word.toLowerCase()] ?? m);
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
