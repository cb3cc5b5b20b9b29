/**
 * Demographic categories for voluntary self-identification, as NYC LL144 bias audits use them
 * (the EEO-1 Component 1 categories). "declined" is a valid answer; at report time both
 * "declined" and "no answer" count as unknown, apart from every ratio.
 */
export const SEX_CATEGORIES = ['male', 'female'] as const;
export type SexCategory = (typeof SEX_CATEGORIES)[number];
export type SexAnswer = SexCategory | 'declined';
export const SEX_ANSWERS: readonly SexAnswer[] = [...SEX_CATEGORIES, 'declined'];

export const RACE_CATEGORIES = [
  'hispanic_latino',
  'white',
  'black',
  'native_hawaiian_pacific_islander',
  'asian',
  'american_indian_alaska_native',
  'two_or_more',
] as const;
export type RaceCategory = (typeof RACE_CATEGORIES)[number];
/** What a candidate may tick: any of the single races (several allowed), or "declined". */
export const RACE_ANSWERS = [
  'hispanic_latino',
  'white',
  'black',
  'native_hawaiian_pacific_islander',
  'asian',
  'american_indian_alaska_native',
  'declined',
] as const;
export type RaceAnswer = (typeof RACE_ANSWERS)[number];

export const UNKNOWN = 'unknown';

export const CATEGORY_LABELS: Record<SexCategory | RaceCategory, string> = {
  male: 'Male',
  female: 'Female',
  hispanic_latino: 'Hispanic or Latino',
  white: 'White',
  black: 'Black or African American',
  native_hawaiian_pacific_islander: 'Native Hawaiian or Pacific Islander',
  asian: 'Asian',
  american_indian_alaska_native: 'Native American or Alaska Native',
  two_or_more: 'Two or More Races',
};

/**
 * EEO-1 rule: anyone who identifies as Hispanic or Latino is counted as such whatever else they
 * tick; otherwise two or more races make "two_or_more". Nothing ticked, or "declined", is unknown.
 */
export function raceCategoryOf(
  answers: readonly RaceAnswer[] | undefined,
): RaceCategory | typeof UNKNOWN {
  const picked = [...new Set((answers ?? []).filter((a) => a !== 'declined'))];
  if (picked.length === 0) return UNKNOWN;
  if (picked.includes('hispanic_latino')) return 'hispanic_latino';
  if (picked.length > 1) return 'two_or_more';
  return picked[0] as RaceCategory;
}

export function sexCategoryOf(answer: SexAnswer | undefined): SexCategory | typeof UNKNOWN {
  return answer === 'male' || answer === 'female' ? answer : UNKNOWN;
}

/** LL144 intersectional categories: every sex × race/ethnicity pair, e.g. "female|asian". */
export const INTERSECTIONAL_CATEGORIES: readonly string[] = SEX_CATEGORIES.flatMap((s) =>
  RACE_CATEGORIES.map((r) => intersectionKey(s, r)),
);

export function intersectionKey(sex: SexCategory, race: RaceCategory): string {
  return `${sex}|${race}`;
}

export function labelOf(category: string): string {
  if (category === UNKNOWN) return 'Unknown';
  const [a, b] = category.split('|');
  const label = (k: string) => CATEGORY_LABELS[k as SexCategory | RaceCategory] ?? k;
  return b === undefined ? label(a) : `${label(b)} ${label(a)}`;
}
