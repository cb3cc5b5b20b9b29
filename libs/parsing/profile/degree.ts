import type { DegreeLevel } from '../profile.types';

/**
 * Degree level of a phrase, for US, UK, EU and Indian naming. Short abbreviations (BS, MA, BE)
 * are matched case-sensitively and only where they cannot be a state code ("Boston, MA"), a verb
 * ("be") or "MS Office".
 */
const RULES: [DegreeLevel, RegExp][] = [
  [
    'doctorate',
    /\b(?:ph\.?\s?d|d\.?\s?phil|doctorate|doctoral|doctor of|ed\.?\s?d\.?|pharm\.?\s?d|d\.?\s?sc|m\.?d\.?(?=\s*(?:,|$)))\b|\bphd\b/i,
  ],
  [
    'master',
    /\b(?:masters?|master'?s|mba|m\.?\s?b\.?\s?a|m\.?\s?tech|m\.?\s?e\.?\s?(?:in|\()|m\.?\s?eng|mca|m\.?\s?c\.?\s?a|m\.?\s?com|m\.?\s?phil|m\.?\s?sc|msc|mfa|mph|msw|llm|pgdm|pgdbm|pgd|pg\s?dac|pg-dac|post\s?-?\s?graduat\w*|pg\s?diploma|m\.?\s?ed|m\.?\s?pharm|m\.?\s?arch|mfc|mcl)\b/i,
  ],
  [
    'master',
    /(?<![,\w]\s?)\b(?:M\.S|M\.A|MS|MA|ME|M\.E)\.?(?=\s+(?:in|of)\b|\s*[(:,–-]|\s+[A-Z][a-z]+\s+[A-Z]|\s*$)(?!\s*(?:Office|Excel|Word|Access|Project|SQL|Dynamics|Visio|Outlook|PowerPoint|Teams))/,
  ],
  [
    'bachelor',
    /\b(?:bachelors?|bachelor'?s|b\.?\s?tech|b-tech|btech|b\.?\s?e\.?\s?(?:in|\()|b\.?\s?eng|bca|b\.?\s?c\.?\s?a|bba|b\.?\s?b\.?\s?a|bbm|b\.?\s?b\.?\s?m|b\.?\s?com|b\.?\s?sc|bsc|b\.?\s?ed|bfa|llb|ll\.b|mbbs|b\.?\s?pharm|b\.?\s?arch|undergraduate degree|tybms|bms|bcs|b\.?\s?s\.?\s?c|graduation|graduate degree|baccalaureate)\b/i,
  ],
  [
    'bachelor',
    /(?<![,\w]\s?)\b(?:B\.S|B\.A|BS|BA|BE|B\.E|B E|AB|S\.B)\.?(?=\s+(?:in|of)\b|\s*[(:,–-]|\s+[A-Z][a-z]+|\s*$)/,
  ],
  [
    'associate',
    /\b(?:associates?|associate'?s|associate of|a\.a\.s?|a\.s\.|diploma|hnd|hnc|foundation degree|polytechnic|certificate iv|cert iv|technical degree|vocational)\b|\bA\.?A\.?S\b|\bAAS\b/i,
  ],
  [
    'high_school',
    /\b(?:high school|secondary school|senior secondary|higher secondary|secondary|ssc|hsc|s\.\s?s\.\s?c|h\.\s?s\.\s?c|cbse|c\.b\.s\.e|icse|isc|state board|12th|10th|xii|x th|class x|intermediate|matriculation|matric|ged|a-levels?|a levels?|o-levels?|gcse|puc|pre-university|hs diploma|sslc|board of secondary)\b/i,
  ],
];

const RANK: Record<DegreeLevel, number> = {
  none: 0,
  high_school: 1,
  associate: 2,
  bachelor: 3,
  master: 4,
  doctorate: 5,
};

/** The highest level named in the phrase, or null when it names no degree. */
export function classifyDegree(phrase: string): DegreeLevel | null {
  const s = phrase.replace(/\s+/g, ' ');
  // "High school diploma" is not an associate degree; "Associate" as a job title is handled by callers.
  if (/\bhigh school\b/i.test(s) && !/\b(?:bachelor|master|associate of|degree)\b/i.test(s))
    return 'high_school';
  for (const [level, re] of RULES) if (re.test(s)) return level;
  return null;
}

export const degreeRank = (l: DegreeLevel): number => RANK[l];

export function maxLevel(levels: DegreeLevel[]): DegreeLevel {
  return levels.reduce<DegreeLevel>((best, l) => (RANK[l] > RANK[best] ? l : best), 'none');
}
