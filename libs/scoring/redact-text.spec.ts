import { redactText } from './redact-text';

const ctx = {
  literals: ['Dana Whitfield', 'dana@example.com', 'Austin, TX'],
  nameTokens: ['Dana', 'Whitfield'],
};

describe(redactText.name, () => {
  it('removes the name, contacts, address parts, URLs and phone numbers', () => {
    const out = redactText(
      'Dana Whitfield · dana@example.com · +1 (512) 555-0199 · Austin, TX · https://github.com/dwhit',
      ctx,
    );
    expect(out).not.toMatch(/Dana|Whitfield|example|555|Austin|github/);
  });

  it('neutralises pronouns and gendered terms', () => {
    expect(redactText('She was chairwoman; her team praised her.', ctx)).toBe(
      'they was chairperson; their team praised their.',
    );
    expect(redactText('He was chairman; his team praised him.', ctx)).toBe(
      'they was chairperson; their team praised them.',
    );
  });

  it('strips ages, birth dates, marital status and calendar years but keeps durations', () => {
    const out = redactText(
      'Age: 34\nMarital Status: Married\nDate of Birth: 04/05/1990\n6 years of Java since March 2017, a 20 year old intern.',
      ctx,
    );
    expect(out).not.toMatch(/34|Married|1990|2017|20 year old/);
    expect(out).toContain('6 years of Java');
  });

  it('keeps "MS Office" and the verb "miss", but drops honorifics before a name', () => {
    expect(
      redactText('MS Office; never miss a deadline. Mrs. Kowalski approved.', {
        literals: [],
        nameTokens: [],
      }),
    ).toBe('MS Office; never miss a deadline. Kowalski approved.');
  });
});
