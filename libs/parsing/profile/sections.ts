import type { Section, SectionName } from '../profile.types';
import type { Line } from './lines';

/**
 * Heading variants per section, compared after lower-casing, dropping punctuation and turning
 * "&" into "and". LiveCareer's "Highlights" and "Qualifications" hold skill lists.
 */
export const HEADINGS: Record<Exclude<SectionName, 'header'>, string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'career profile',
    'personal profile',
    'objective',
    'career objective',
    'professional objective',
    'objectives',
    'about me',
    'about',
    'personal statement',
    'overview',
    'introduction',
    'summary of qualifications',
    'qualifications summary',
    'profile summary',
    'career overview',
    'professional overview',
    'summary of experience',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'professional background',
    'relevant experience',
    'experience details',
    'work details',
    'professional history',
    'positions held',
    'internships',
    'internship',
    'internship experience',
    'industrial experience',
    'experience and internships',
    'professional experience and internships',
    'relevant work experience',
    'work',
    'career',
    'employment experience',
    'job history',
    'experience summary',
    'organisational experience',
    'organizational experience',
  ],
  education: [
    'education',
    'academic background',
    'academic qualifications',
    'academic qualification',
    'educational qualifications',
    'educational qualification',
    'education and training',
    'education and certifications',
    'academics',
    'academic profile',
    'educational background',
    'educational details',
    'academic details',
    'scholastic profile',
    'qualifications',
    'academic credentials',
    'education background',
    'education details',
    'studies',
  ],
  skills: [
    'skills',
    'technical skills',
    'key skills',
    'core skills',
    'core competencies',
    'competencies',
    'skill set',
    'skillset',
    'skills and abilities',
    'areas of expertise',
    'expertise',
    'technologies',
    'tech stack',
    'tools',
    'tools and technologies',
    'highlights',
    'skill highlights',
    'strengths',
    'it skills',
    'computer skills',
    'technical proficiencies',
    'core qualifications',
    'professional skills',
    'technical expertise',
    'skills summary',
    'key competencies',
    'technical competencies',
    'software',
    'additional skills',
    'relevant skills',
    'skills and expertise',
    'technical skill set',
    'technical summary',
    'key qualifications',
  ],
  certifications: [
    'certifications',
    'certification',
    'certificates',
    'certificate',
    'licenses',
    'licenses and certifications',
    'certifications and licenses',
    'licences',
    'accreditations',
    'professional certifications',
    'courses',
    'certifications and training',
    'trainings',
    'training',
    'courses and certifications',
    'professional development',
    'credentials',
  ],
  projects: [
    'projects',
    'personal projects',
    'academic projects',
    'key projects',
    'project experience',
    'project details',
    'side projects',
    'open source',
    'selected projects',
    'project',
    'major projects',
    'notable projects',
    'professional projects',
  ],
  languages: [
    'languages',
    'language skills',
    'language proficiency',
    'spoken languages',
    'language',
  ],
  other: [
    'awards',
    'honors',
    'honours',
    'awards and honors',
    'achievements',
    'accomplishments',
    'publications',
    'interests',
    'hobbies',
    'hobbies and interests',
    'references',
    'volunteer',
    'volunteering',
    'volunteer experience',
    'activities',
    'extracurricular activities',
    'extra curricular activities',
    'additional information',
    'personal details',
    'personal information',
    'declaration',
    'affiliations',
    'memberships',
    'professional affiliations',
    'links',
    'contact',
    'contact information',
    'leadership',
    'community service',
    'conferences',
    'patents',
    'military service',
    'additional',
  ],
};

const LOOKUP = new Map<string, SectionName>();
for (const [name, variants] of Object.entries(HEADINGS)) {
  for (const v of variants) LOOKUP.set(v, name as SectionName);
}

const canon = (s: string): string =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface Heading {
  name: SectionName;
  heading: string;
  line: Line;
  /** Offset where the section's content starts (after an inline "Skills:" label). */
  contentStart: number;
}

/**
 * Recognises a heading line: the whole line is a known variant (optionally with a colon), or a
 * known variant followed by a colon and inline content ("Skills: Python, SQL").
 */
export function matchHeading(line: Line): Heading | null {
  const raw = line.text.replace(/^[•\s]+/, '').trim();
  if (!raw || raw.length > 60) return null;
  const whole = canon(raw);
  const name = LOOKUP.get(whole);
  if (name && !/[.!?]$/.test(raw) && whole.split(' ').length <= 6) {
    return { name, heading: raw.replace(/[:\s]+$/, ''), line, contentStart: line.end };
  }
  const inline = /^([A-Za-z &/]{3,40}?)\s*:\s*\S/.exec(line.text.trim());
  const inlineName = inline ? LOOKUP.get(canon(inline[1])) : undefined;
  if (inline && inlineName && inlineName !== 'other') {
    const offset = line.text.indexOf(':') + 1;
    return { name: inlineName, heading: inline[1].trim(), line, contentStart: line.start + offset };
  }
  return null;
}

/** Sections in text order; text before the first heading is the header. */
export function findSections(
  lines: Line[],
  textLength: number,
): { sections: Section[]; headings: Heading[] } {
  const headings: Heading[] = [];
  for (const line of lines) {
    const h = matchHeading(line);
    if (h) headings.push(h);
  }
  const sections: Section[] = [];
  const firstStart = headings.length ? headings[0].line.start : textLength;
  if (firstStart > 0)
    sections.push({ name: 'header', heading: '', span: { start: 0, end: firstStart } });
  headings.forEach((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].line.start : textLength;
    sections.push({ name: h.name, heading: h.heading, span: { start: h.line.start, end } });
  });
  return { sections, headings };
}

export function sectionAt(sections: Section[], offset: number): SectionName {
  for (const s of sections) if (offset >= s.span.start && offset < s.span.end) return s.name;
  return 'other';
}
