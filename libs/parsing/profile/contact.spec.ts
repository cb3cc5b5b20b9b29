import { extractContact } from './contact';
import { splitLines } from './lines';
import { findSections } from './sections';
import { isPersonName, toDisplayName } from './person-name';
import { findPhones, inferCountry, toE164 } from './phone';

function contactOf(text: string) {
  const lines = splitLines(text);
  const { sections } = findSections(lines, text.length);
  const header = sections.filter((s) => s.name === 'header').map((s) => s.span);
  return extractContact(text, lines, { spans: header });
}

describe('extractContact', () => {
  it('reads a pipe-separated header line', () => {
    const c = contactOf(
      'Ebony Stone\nSeattle, WA | 206-555-0149 | estone@example.com\nSummary\nAccountant.',
    );
    expect(c.name?.value).toBe('Ebony Stone');
    expect(c.location?.value).toBe('Seattle, WA');
    expect(c.phone?.value).toBe('+12065550149');
    expect(c.email?.value).toBe('estone@example.com');
  });

  it('reads labelled lines and title-cases a name printed in capitals', () => {
    const c = contactOf(
      'JANE ROE\nSoftware Engineer\nEmail: jane.roe@example.com\nPhone: (555) 123-4567\nEXPERIENCE\nx',
    );
    expect(c.name?.value).toBe('Jane Roe');
    expect(c.email?.value).toBe('jane.roe@example.com');
    // 555-123-4567 is not a valid US number, so it stays as printed.
    expect(c.phone?.value).toBe('(555) 123-4567');
  });

  it('accepts a lower-case name on the first line', () => {
    expect(contactOf('ravi kumar\nPune, Maharashtra\nSkills\nSQL').name?.value).toBe('Ravi Kumar');
  });

  it('finds LinkedIn, GitHub and portfolio links', () => {
    const c = contactOf(
      'Ann Lee\nlinkedin.com/in/ann-lee | github.com/annlee | https://annlee.dev\nSkills\nGo',
    );
    expect(c.links.map((l) => [l.value.type, l.value.url])).toEqual([
      ['linkedin', 'linkedin.com/in/ann-lee'],
      ['github', 'github.com/annlee'],
      ['portfolio', 'https://annlee.dev'],
    ]);
  });

  it('joins a street line to the city line below it', () => {
    const c = contactOf('Harvey Stone\n321 Gotham St\nGotham, USA\nSkills\nSQL');
    expect(c.location?.value).toBe('321 Gotham St, Gotham, USA');
  });

  it('leaves absent fields absent', () => {
    const c = contactOf('ACCOUNTANT\nProfessional Summary\nDetail-oriented accountant.');
    expect(c.name).toBeUndefined();
    expect(c.email).toBeUndefined();
    expect(c.phone).toBeUndefined();
  });
});

describe('phones', () => {
  it('normalises to E.164 when the country is known or printed', () => {
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('98450 12345', 'IN')).toBe('+919845012345');
    expect(toE164('(415) 555-0142', 'US')).toBe('+14155550142');
    expect(toE164('98450 12345')).toBeUndefined();
  });

  it('infers the country from the header', () => {
    expect(inferCountry('Austin, TX')).toBe('US');
    expect(inferCountry('Bengaluru, Karnataka')).toBe('IN');
    expect(inferCountry('London, United Kingdom')).toBe('GB');
    expect(inferCountry('Somewhere')).toBeUndefined();
  });

  it('does not take date ranges or years for phone numbers', () => {
    expect(findPhones('2015 - 2019 and 2019-2021')).toEqual([]);
    expect(findPhones('Call +1 (415) 555-0142 now').map((p) => p.printed)).toEqual([
      '+1 (415) 555-0142',
    ]);
  });
});

describe('person names', () => {
  it.each([
    'John Doe',
    'Mary-Jane van der Berg',
    'J. R. Tolkien',
    'ZOË ACHTERBERG',
    "Conan O'Brien",
  ])('accepts %s', (n) => {
    expect(isPersonName(n)).toBe(true);
  });

  it.each([
    'Software Engineer',
    'Curriculum Vitae',
    'Professional Summary',
    'Data Scientist',
    'jane doe',
    'A',
    'San Francisco, CA',
  ])('rejects %s', (n) => {
    expect(isPersonName(n)).toBe(false);
  });

  it('formats capitals for display', () => {
    expect(toDisplayName('MARY-JANE O’NEIL')).toBe('Mary-Jane O’Neil');
    expect(toDisplayName('McArthur Lee')).toBe('McArthur Lee');
  });
});
