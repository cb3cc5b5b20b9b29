/**
 * Seniority of a job title on a 0..5 scale: 0 intern/student, 1 junior/assistant/trainee,
 * 2 unmarked, 3 senior, 4 lead/manager/principal, 5 head/director/executive.
 */
const LEVELS: [number, RegExp][] = [
  [
    5,
    /\b(?:chief|c[teofi]o|vp|vice\s+president|director|head|president|partner|founder|owner|dmd|sevp|evp)\b/i,
  ],
  [4, /\b(?:manager|mgr|lead|principal|architect|supervisor|superintendent|controller)\b/i],
  [3, /\b(?:senior|sr\.?|specialist|consultant|iii|ii)\b/i],
  [0, /\b(?:intern|internship|student|volunteer|apprentice)\b/i],
  [1, /\b(?:junior|jr\.?|assistant|asst\.?|trainee|entry|associate|helper|clerk)\b/i],
];

export function titleSeniority(title: string | undefined): number {
  if (!title) return 2;
  for (const [level, re] of LEVELS) if (re.test(title)) return level;
  return 2;
}

const ENTRY_RE =
  /\b(?:fresher|fresh\s+graduate|student|graduate|undergraduate|entry[- ]level|internship|intern|seeking|looking\s+for|beginner|aspiring|trainee)\b/gi;

/** How many entry-level phrases a summary uses ("fresher", "student", "seeking", …). */
export function entryLevelTerms(text: string | undefined): number {
  return text ? (text.match(ENTRY_RE) ?? []).length : 0;
}
