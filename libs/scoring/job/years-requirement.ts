const NUM =
  '(\\d{1,2}(?:\\.\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)';
const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const RANGE_RE = new RegExp(`${NUM}\\s*(?:-|–|to)\\s*${NUM}\\s*\\+?\\s*(?:years?|yrs?)`, 'i');
const SINGLE_RE = new RegExp(`${NUM}\\s*\\+?\\s*(?:years?|yrs?)(?:\\s*\\(s\\))?`, 'i');
const FRESHER_RE =
  /\b(?:fresh(?:er|ers)?|fresh\s+graduates?|no\s+(?:prior\s+)?experience\s+(?:is\s+)?required|entry[- ]level)\b/i;

const toNumber = (s: string): number => WORDS[s.toLowerCase()] ?? Number(s);

/**
 * Minimum years of experience a requirement asks for: "At least 5 year(s)" → 5, "2 to 5 years" → 2,
 * "3+ years" → 3, "Fresh graduates" → 0; undefined when it says nothing.
 */
export function parseMinYears(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const range = RANGE_RE.exec(text);
  if (range) return toNumber(range[1]);
  const single = SINGLE_RE.exec(text);
  if (single) return toNumber(single[1]);
  return FRESHER_RE.test(text) ? 0 : undefined;
}
