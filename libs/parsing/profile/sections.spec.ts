import type { SectionName } from '../profile.types';
import { splitLines } from './lines';
import { findSections, HEADINGS, matchHeading } from './sections';

const line = (text: string) => splitLines(text)[0];

describe('matchHeading', () => {
  const cases = Object.entries(HEADINGS).flatMap(([name, variants]) =>
    variants.map((v) => [v, name] as const),
  );

  it.each(cases)('recognises "%s" as %s in any case, with or without a colon', (variant, name) => {
    const title = variant.replace(/\b\w/g, (c) => c.toUpperCase());
    for (const form of [variant, variant.toUpperCase(), title, `${title}:`, `• ${title}`]) {
      expect(matchHeading(line(form))?.name).toBe(name);
    }
  });

  it('accepts "&" for "and"', () => {
    expect(matchHeading(line('Skills & Abilities'))?.name).toBe('skills');
    expect(matchHeading(line('Licenses & Certifications'))?.name).toBe('certifications');
  });

  it('reads an inline label as a heading whose content starts after the colon', () => {
    const h = matchHeading(line('Technical Skills: Python, SQL, Docker'));
    expect(h?.name).toBe('skills');
    expect(h?.contentStart).toBe('Technical Skills:'.length);
  });

  it.each([
    'Managed the skills matrix for the team.',
    'Experience with Kubernetes and Terraform in production environments',
    'Education is important to me.',
    'ACCOUNTANT',
    'References: available on request',
  ])('does not treat prose or a job title as a section heading: %s', (text) => {
    expect(matchHeading(line(text))?.name ?? 'none').not.toMatch(
      /skills|experience|education|summary/,
    );
  });
});

describe('findSections', () => {
  it('splits the text into a header and the headed sections, in order', () => {
    const text =
      'Jane Roe\njane@example.com\nSummary\nAnalyst.\nWork History\nAnalyst, 2019 - 2021\nEducation\nBA, 2018';
    const { sections } = findSections(splitLines(text), text.length);
    const names: SectionName[] = sections.map((s) => s.name);
    expect(names).toEqual(['header', 'summary', 'experience', 'education']);
    expect(text.slice(sections[0].span.start, sections[0].span.end)).toBe(
      'Jane Roe\njane@example.com\n',
    );
    expect(sections[3].span.end).toBe(text.length);
  });
});
