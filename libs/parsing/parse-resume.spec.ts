import { shutdownExtractors } from './extract/extraction-runner';
import { parseResume } from './parse-resume';
import { buildProfile } from './profile/build-profile';
import { fixture, rejectionCode } from './test-support/fixtures';

const NOW = new Date('2024-06-01T00:00:00Z');

afterAll(() => shutdownExtractors());

describe('parseResume on the shipped fictional resumes', () => {
  it('reads a single-column PDF into contact, experience, education and skills', async () => {
    const p = await parseResume(fixture('resume-single-column.pdf'), { now: NOW });
    expect(p.quality).toMatchObject({ ok: true, pages: 1, needsOcr: false });
    expect(p.contact.name?.value).toBe('Marisol Quintero-Vance');
    expect(p.contact.email?.value).toBe('marisol.qv@example.com');
    expect(p.contact.phone?.value).toBe('+13125550187');
    expect(p.contact.location?.value).toBe('Chicago, IL');
    expect(p.contact.links.map((l) => l.value.type)).toContain('linkedin');
    expect(p.experience.map((e) => [e.title, e.employer, e.start, e.end, e.current])).toEqual([
      ['Senior Data Engineer', 'Lakeshore Analytics Inc.', '2021-03', undefined, true],
      ['Data Engineer', 'Prairie Freight Co.', '2018-06', '2021-02', false],
      ['Junior Developer', 'Northwind Labs', '2016-01', '2018-01', false],
    ]);
    expect(p.highestDegree).toBe('master');
    expect(p.education.map((e) => e.institution)).toEqual([
      'University of Illinois Chicago',
      'Loyola University Chicago',
    ]);
    expect(p.certifications[0]).toMatchObject({ issuer: 'Amazon Web Services', year: 2022 });
    expect(p.languages.map((l) => [l.language, l.proficiency])).toEqual([
      ['English', 'native'],
      ['Spanish', 'fluent'],
    ]);
  });

  it('reads a two-column PDF column by column (sidebar, then main column)', async () => {
    const p = await parseResume(fixture('resume-two-column.pdf'), { now: NOW });
    const t = p.text;
    // The sidebar's sections come out whole, before the main column starts.
    expect(t.indexOf('CONTACT')).toBeLessThan(t.indexOf('SKILLS'));
    expect(t.indexOf('German – B2')).toBeLessThan(t.indexOf('SUMMARY'));
    expect(t).toContain(
      'Frontend engineer who ships accessible web\napplications and design systems.',
    );
    expect(p.contact.location?.value).toBe('Portland, OR');
    expect(p.contact.phone?.value).toBe('+15035550123');
    // White text on the dark sidebar is visible, so it is not excluded.
    expect(p.quality.flags).not.toContain('hidden_text');
    expect(p.experience.map((e) => e.employer)).toEqual([
      'Cascade Outfitters LLC',
      'Rosewood Digital Studio',
    ]);
  });

  it('reads a DOCX, including contact details kept in the page header', async () => {
    const p = await parseResume(fixture('resume.docx'), { now: NOW });
    expect(p.contact.name?.value).toBe('Priya Raghunathan');
    expect(p.contact.phone?.value).toBe('+919845012345');
    expect(p.headline?.value).toBe('Human Resources Manager');
    expect(p.experience[0]).toMatchObject({
      title: 'HR Manager',
      employer: 'Tamarind Retail Pvt Ltd',
      start: '2019-04',
      current: true,
    });
    expect(p.highestDegree).toBe('master');
  });

  it.each([
    ['resume-utf8.txt', 'Zoë Achterberg'],
    ['resume-latin1.txt', 'José Muñoz Ibáñez'],
    ['resume-utf16le-bom.txt', 'Kwame Mensah-Adjei'],
  ])('decodes %s', async (file, name) => {
    const p = await parseResume(fixture(file), { now: NOW });
    expect(p.contact.name?.value).toBe(name);
    expect(p.text).not.toMatch(/\ufffd|Ã/);
  });

  it('flags an image-only PDF as needs_ocr and invents nothing', async () => {
    const p = await parseResume(fixture('hostile/image-only.pdf'));
    expect(p.quality).toMatchObject({ ok: false, reason: 'needs_ocr', needsOcr: true });
    expect(p.contact).toEqual({ links: [] });
    expect(p.skills).toEqual([]);
  });

  it('reports an empty PDF as empty_text', async () => {
    const p = await parseResume(fixture('empty-page.pdf'));
    expect(p.quality).toMatchObject({ ok: false, reason: 'empty_text' });
    expect(p.experience).toEqual([]);
  });
});

describe('hidden text in a PDF', () => {
  it('is detected, flagged and kept out of every field', async () => {
    const p = await parseResume(fixture('resume-hidden-text.pdf'), { now: NOW });
    expect(p.quality.flags).toContain('hidden_text');
    expect(p.text).toContain('Kubernetes');
    const skills = p.skills.map((s) => s.canonical.toLowerCase());
    for (const planted of ['kubernetes', 'terraform', 'rust', 'tensorflow', 'haskell']) {
      expect(skills.some((s) => s.includes(planted))).toBe(false);
    }
    const excluded = p.quality.excludedSpans.map((s) => p.text.slice(s.start, s.end)).join(' ');
    expect(excluded).toContain('Kubernetes');
    expect(excluded).toContain('TensorFlow');
    expect(p.contact.name?.value).toBe('Kwame Mensah-Adjei');
    // Control: the same text without the extractor's hidden marks would have gained them.
    const unguarded = buildProfile(p.text, { now: NOW }).skills.map((s) =>
      s.canonical.toLowerCase(),
    );
    expect(unguarded.some((s) => s.includes('kubernetes'))).toBe(true);
  });
});

describe('hostile files end in a clear error code', () => {
  it.each([
    ['hostile/encrypted.pdf', 'PARSE.ENCRYPTED_PDF'],
    ['hostile/truncated.pdf', 'PARSE.TRUNCATED'],
    ['hostile/javascript-openaction.pdf', 'PARSE.ACTIVE_CONTENT'],
    ['hostile/blank-pages-2000.pdf', 'PARSE.TOO_MANY_PAGES'],
    ['hostile/zip-bomb.docx', 'PARSE.ZIP_BOMB'],
    ['hostile/zip-bomb-lying-sizes.docx', 'PARSE.ZIP_BOMB'],
    ['hostile/billion-laughs.docx', 'PARSE.XML_DTD'],
    ['hostile/xxe.docx', 'PARSE.XML_DTD'],
    ['hostile/rlink-local-file.docx', 'PARSE.EXTERNAL_REFERENCE'],
    ['hostile/macro-enabled.docm', 'PARSE.MACRO_ENABLED'],
    ['hostile/single-line-5mb.txt', 'PARSE.TEXT_TOO_LARGE'],
    ['hostile/binary-renamed.txt', 'PARSE.UNSUPPORTED_TYPE'],
  ])('%s → %s', async (file, code) => {
    expect(await rejectionCode(parseResume(fixture(file)))).toBe(code);
  });

  it('a binary file declared as text is BINARY_TEXT', async () => {
    expect(
      await rejectionCode(parseResume(fixture('hostile/binary-renamed.txt'), { kind: 'txt' })),
    ).toBe('PARSE.BINARY_TEXT');
  });

  it('a flate bomb is refused before extraction, and parsing keeps working afterwards', async () => {
    expect(await rejectionCode(parseResume(fixture('hostile/flate-bomb.pdf')))).toBe(
      'PARSE.COMPRESSION_BOMB',
    );
    const after = await parseResume(fixture('resume-single-column.pdf'));
    expect(after.quality.ok).toBe(true);
  });
});
