import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phone candidates and their E.164 form. A candidate is a run of digits and separators with 7 to
 * 15 digits that is not a date range or a year list; E.164 is produced only when the number is
 * valid for an explicit `+` prefix or for the country inferred from the resume.
 */
export interface PhoneHit {
  printed: string;
  index: number;
  e164?: string;
}

const CANDIDATE =
  /(?<![\w+/.-])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{5,16}\d(?![\w/]|\.\d)/g;

export function findPhones(text: string, country?: CountryCode): PhoneHit[] {
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const printed = m[0].trim();
    const digits = printed.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^(?:19|20)\d{2}\s*[-–.]\s*(?:19|20)\d{2}$/.test(printed)) continue;
    if (/(?:^|\D)(?:19|20)\d{2}(?:\D+(?:19|20)\d{2})+$/.test(printed) && digits.length <= 12)
      continue;
    if (/\s{2,}/.test(printed) || (printed.match(/\s/g)?.length ?? 0) > 4) continue;
    if (!/^\+/.test(printed) && digits.length < 10 && !/[-.\s]/.test(printed)) continue;
    out.push({ printed, index: m.index ?? 0, e164: toE164(printed, country) });
  }
  return out;
}

export function toE164(printed: string, country?: CountryCode): string | undefined {
  const p = parsePhoneNumberFromString(
    printed,
    printed.trim().startsWith('+') ? undefined : country,
  );
  return p?.isValid() ? p.number : undefined;
}

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
export const US_STATE_RE = new RegExp(`,\\s*(?:${US_STATES})\\b(?:\\s+\\d{5})?`);

const COUNTRY_HINTS: [CountryCode, RegExp][] = [
  [
    'IN',
    /\b(?:India|Bengaluru|Bangalore|Mumbai|Delhi|Hyderabad|Chennai|Pune|Kolkata|Noida|Gurgaon|Gurugram|Karnataka|Maharashtra|Tamil Nadu|Kerala|Telangana|Andhra Pradesh|Uttar Pradesh|West Bengal|Gujarat|Rajasthan|Odisha|Haryana|Punjab)\b/,
  ],
  ['GB', /\b(?:United Kingdom|England|Scotland|Wales|London|Manchester|Birmingham)\b/],
  ['CA', /\b(?:Canada|Ontario|Toronto|Vancouver|Quebec|Alberta|Montreal)\b/],
  ['AU', /\b(?:Australia|Sydney|Melbourne|Brisbane)\b/],
  ['US', /\b(?:USA|U\.S\.A\.|United States)\b/],
];

/** The country a resume's local phone numbers belong to, from its header text. */
export function inferCountry(header: string): CountryCode | undefined {
  for (const [code, re] of COUNTRY_HINTS) if (re.test(header)) return code;
  if (US_STATE_RE.test(header)) return 'US';
  return undefined;
}
