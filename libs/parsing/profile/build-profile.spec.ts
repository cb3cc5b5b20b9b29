import { buildProfile } from './build-profile';

const NOW = new Date('2024-06-01T00:00:00Z');
const VISIBLE = [
  'Kwame Example',
  'Registered Nurse',
  'Columbus, OH | (614) 555-0142 | kwame@example.com',
  'Experience',
  'Registered Nurse, Riverside Community Hospital, July 2016 to Present',
  '• Triage and wound care for a 30-bed ward.',
  'Skills',
  'Triage, Wound Care, Electronic Health Records',
].join('\n');

const skillSet = (text: string, hiddenTexts?: string[]) =>
  buildProfile(text, { now: NOW, hiddenTexts }).skills.map((s) => [s.canonical, s.spans.length]);

describe('keyword stuffing and hidden text never add to the profile', () => {
  it('hidden strings are excluded: the profile equals the visible-only profile', () => {
    const hidden = 'Python Kubernetes Terraform Machine Learning TensorFlow';
    const p = buildProfile(`${VISIBLE}\n${hidden}`, { now: NOW, hiddenTexts: [hidden] });
    expect(p.quality.flags).toContain('hidden_text');
    expect(p.text).toContain(hidden);
    expect(skillSet(`${VISIBLE}\n${hidden}`, [hidden])).toEqual(skillSet(VISIBLE));
    // Control: the same text read without the hidden marker does gain the planted skills.
    expect(skillSet(`${VISIBLE}\n${hidden}`).map(([name]) => name)).toEqual(
      expect.arrayContaining(['Kubernetes', 'Terraform']),
    );
    expect(p.quality.excludedSpans.map((s) => p.text.slice(s.start, s.end))).toEqual([hidden]);
  });

  it('a word repeated to fill a block is flagged and excluded', () => {
    const stuffed = `${VISIBLE}\n${'Kubernetes '.repeat(40)}`;
    const p = buildProfile(stuffed, { now: NOW });
    expect(p.quality.flags).toContain('keyword_stuffing');
    expect(skillSet(stuffed)).toEqual(skillSet(VISIBLE));
    expect(skillSet(`${VISIBLE}\nKubernetes`).map(([name]) => name)).toContain('Kubernetes');
  });

  it('a keyword line pasted three or more times counts once', () => {
    const line = 'Python, Kubernetes, Terraform, Docker, Machine Learning, TensorFlow, AWS';
    const once = `${VISIBLE}\n${line}`;
    const many = `${VISIBLE}\n${`${line}\n`.repeat(5)}`;
    expect(buildProfile(many, { now: NOW }).quality.flags).toContain('keyword_stuffing');
    expect(skillSet(many)).toEqual(skillSet(once));
    expect(skillSet(once).length).toBeGreaterThan(skillSet(VISIBLE).length);
  });

  it('caps the mentions of one skill at a plausible count', () => {
    const text = `${VISIBLE}\n${Array.from({ length: 30 }, (_, i) => `• Used Python for task number ${i} of the ward audit.`).join('\n')}`;
    const p = buildProfile(text, { now: NOW });
    const python = p.skills.find((s) => s.canonical === 'Python');
    expect(python?.spans.length).toBeLessThanOrEqual(5);
    expect(p.quality.flags).toContain('keyword_stuffing');
  });

  it('a normal resume raises no flag', () => {
    const p = buildProfile(VISIBLE, { now: NOW });
    expect(p.quality).toMatchObject({ ok: true, flags: [], excludedSpans: [] });
  });
});

describe('quality gate', () => {
  it('empty text is a result with a reason, with nothing invented', () => {
    const p = buildProfile('   \n\u200b ');
    expect(p.quality).toMatchObject({ ok: false, reason: 'empty_text' });
    expect(p.contact).toEqual({ links: [] });
    expect(p.highestDegree).toBe('none');
  });

  it('garbled text (a broken font encoding) is refused', () => {
    const garbled = Array.from(
      { length: 60 },
      () => 'Vwrqj Gdwd Hqjlqhhu zlwk Sbwkrq dqg VTO',
    ).join(' ');
    const p = buildProfile(garbled.replace(/[aeiouy]/gi, 'x'));
    expect(p.quality).toMatchObject({ ok: false, reason: 'garbled' });
    expect(p.skills).toEqual([]);
  });

  it('text full of replacement characters is refused', () => {
    expect(buildProfile('\ufffd'.repeat(300) + ' some words').quality.reason).toBe('garbled');
  });

  it('short text is flagged too_short but still read', () => {
    const p = buildProfile('Jane Roe\njane@example.com');
    expect(p.quality).toMatchObject({ ok: false, reason: 'too_short' });
    expect(p.contact.email?.value).toBe('jane@example.com');
  });

  it('needs_ocr from the extractor wins over everything else', () => {
    expect(buildProfile('', { needsOcr: true, pages: 2 }).quality).toMatchObject({
      ok: false,
      reason: 'needs_ocr',
      pages: 2,
    });
  });

  it('reports repaired mojibake', () => {
    expect(buildProfile(`${VISIBLE}\nNaÃ¯ve Bayes`).quality.flags).toContain('mojibake_repaired');
  });

  it('every field span points into the normalised text', () => {
    const p = buildProfile(VISIBLE, { now: NOW });
    expect(p.text.slice(p.contact.email!.span!.start, p.contact.email!.span!.end)).toBe(
      'kwame@example.com',
    );
    expect(p.text.slice(p.contact.name!.span!.start, p.contact.name!.span!.end)).toBe(
      'Kwame Example',
    );
    const job = p.experience[0];
    expect(p.text.slice(job.span.start, job.span.end)).toContain('Riverside Community Hospital');
  });
});
