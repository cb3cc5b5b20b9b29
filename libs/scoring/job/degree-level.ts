import { DEGREE_LEVELS, type DegreeLevel } from '../../parsing/profile.types';

// Ordered from highest to lowest; each pattern is tried against the whole text.
const PATTERNS: [DegreeLevel, RegExp][] = [
  ['doctorate', /\b(?:ph\.?\s?d|doctorate|doctoral|doctor\s+of|d\.?phil|ed\.?d)\b/i],
  [
    'master',
    /\b(?:masters?|master['’]s|m\.?\s?sc|m\.?\s?tech|m\.?\s?b\.?\s?a|m\.?\s?c\.?\s?a|m\.?\s?com|mbm|m\.?\s?phil|m\.?\s?eng|m\.\s?e\.|m\.\s?s\.|m\.\s?a\.|post\s*-?\s*graduat\w*|pgdm|pgd)\b/i,
  ],
  [
    'bachelor',
    /\b(?:bachelors?|bachelor['’]s|b\.?\s?sc|b\.?\s?tech|b\.?\s?b\.?\s?a|b\.?\s?c\.?\s?a|b\.?\s?com|b\.?\s?eng|b\.\s?e\.?|b\.\s?s\.?|b\.\s?a\.?|bs|ba|honou?rs|undergraduate|graduate\s+degree|graduation|graduates?)\b/i,
  ],
  [
    'associate',
    /\b(?:associate['’]?s?\s+(?:degree|of)|a\.\s?a\.|a\.\s?s\.|diploma|polytechnic|hnd)\b/i,
  ],
  [
    'high_school',
    /\b(?:high\s+school|secondary|hsc|ssc|intermediate|12th|10th|ged|a-levels?|o-levels?|matriculation)\b/i,
  ],
];

export const degreeRank = (level: DegreeLevel): number => DEGREE_LEVELS.indexOf(level);

/** Every degree level a text mentions, highest first. */
export function degreeLevelsIn(text: string): DegreeLevel[] {
  return PATTERNS.filter(([, re]) => re.test(text)).map(([level]) => level);
}

/** The highest level a text mentions (a resume's degree line), or `none`. */
export function highestDegreeIn(text: string): DegreeLevel {
  return degreeLevelsIn(text)[0] ?? 'none';
}

/**
 * The level a requirement asks for: the lowest one it mentions ("Bachelor's or Master's" means a
 * bachelor is enough), or undefined when it names none.
 */
export function requiredDegreeIn(text: string): DegreeLevel | undefined {
  const levels = degreeLevelsIn(text);
  return levels.length ? levels[levels.length - 1] : undefined;
}
