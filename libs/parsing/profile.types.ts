/**
 * The structured profile that parsing produces and scoring consumes (after redaction).
 * Offsets are UTF-16 code-unit indexes into `Profile.text` (the normalised text), end exclusive.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Field<T> {
  value: T;
  /** 0..1 */
  confidence: number;
  span?: Span;
}

export type DegreeLevel =
  'none' | 'high_school' | 'associate' | 'bachelor' | 'master' | 'doctorate';
export const DEGREE_LEVELS: readonly DegreeLevel[] = [
  'none',
  'high_school',
  'associate',
  'bachelor',
  'master',
  'doctorate',
];

export type SectionName =
  | 'header'
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'certifications'
  | 'projects'
  | 'languages'
  | 'other';

export interface Section {
  name: SectionName;
  heading: string;
  span: Span;
}

export type LinkType = 'linkedin' | 'github' | 'portfolio' | 'other';

export interface ContactInfo {
  name?: Field<string>;
  email?: Field<string>;
  /** E.164 when the country is inferable, else as printed. */
  phone?: Field<string>;
  location?: Field<string>;
  links: Field<{ type: LinkType; url: string }>[];
}

export interface SkillMention {
  /** Canonical taxonomy name, e.g. "JavaScript". */
  canonical: string;
  category?: string;
  confidence: number;
  spans: Span[];
  sections: SectionName[];
}

export interface ExperienceEntry {
  title?: string;
  employer?: string;
  /** "YYYY-MM" */
  start?: string;
  /** "YYYY-MM"; undefined with current=true means "Present". */
  end?: string;
  current: boolean;
  months: number;
  description: string;
  confidence: number;
  span: Span;
}

export interface EducationEntry {
  level: DegreeLevel;
  degree?: string;
  field?: string;
  institution?: string;
  year?: number;
  confidence: number;
  span: Span;
}

export interface CertificationEntry {
  name: string;
  issuer?: string;
  year?: number;
  span: Span;
}

export interface LanguageEntry {
  language: string;
  proficiency?: string;
  span?: Span;
}

export type QualityReason = 'empty_text' | 'too_short' | 'garbled' | 'needs_ocr';
export type QualityFlag = 'hidden_text' | 'keyword_stuffing' | 'mojibake_repaired';

export interface QualityReport {
  /** false means: do not score; route to needs_review with `reason`. */
  ok: boolean;
  reason?: QualityReason;
  textLength: number;
  garbageRatio: number;
  needsOcr: boolean;
  pages?: number;
  flags: QualityFlag[];
  /** Spans of `text` excluded from scoring (hidden text, repeated keyword blocks). */
  excludedSpans: Span[];
}

export interface Profile {
  schemaVersion: 1;
  text: string;
  sections: Section[];
  contact: ContactInfo;
  headline?: Field<string>;
  summary?: Field<string>;
  skills: SkillMention[];
  experience: ExperienceEntry[];
  /** Overlapping jobs merged. */
  totalExperienceMonths: number;
  education: EducationEntry[];
  highestDegree: DegreeLevel;
  certifications: CertificationEntry[];
  languages: LanguageEntry[];
  quality: QualityReport;
}
