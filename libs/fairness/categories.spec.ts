import { INTERSECTIONAL_CATEGORIES, labelOf, raceCategoryOf, sexCategoryOf } from './categories';

describe('self-identification categories', () => {
  it('follows the EEO-1 rules for race/ethnicity', () => {
    expect(raceCategoryOf(['asian'])).toBe('asian');
    expect(raceCategoryOf(['asian', 'white'])).toBe('two_or_more');
    expect(raceCategoryOf(['white', 'hispanic_latino'])).toBe('hispanic_latino');
    expect(raceCategoryOf(['white', 'white'])).toBe('white');
    expect(raceCategoryOf(['declined'])).toBe('unknown');
    expect(raceCategoryOf(['declined', 'black'])).toBe('black');
    expect(raceCategoryOf([])).toBe('unknown');
    expect(raceCategoryOf(undefined)).toBe('unknown');
  });

  it('treats declined or missing sex as unknown', () => {
    expect(sexCategoryOf('female')).toBe('female');
    expect(sexCategoryOf('declined')).toBe('unknown');
    expect(sexCategoryOf(undefined)).toBe('unknown');
  });

  it('has 2 × 7 intersections with readable labels', () => {
    expect(INTERSECTIONAL_CATEGORIES).toHaveLength(14);
    expect(labelOf('male|hispanic_latino')).toBe('Hispanic or Latino Male');
    expect(labelOf('unknown')).toBe('Unknown');
  });
});
