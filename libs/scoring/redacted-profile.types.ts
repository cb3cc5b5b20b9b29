import type { DegreeLevel, SectionName, Span } from '../parsing/profile.types';

/**
 * What scoring is allowed to see. Blind by construction: there is no field for a name, contact
 * details, address or location, photo, date of birth, graduation or any other calendar year,
 * gender, marital status, nationality, languages (a nationality proxy), employers or schools.
 * Free-text fields went through `redactText` (names, contacts, addresses, ages and years removed,
 * pronouns and gendered terms neutralised). Spans are offsets into the source `Profile.text`; they are
 * only used to point at evidence and never feed a feature.
 */
export interface RedactedProfile {
  readonly redacted: true;
  /** The resume text without excluded spans (hidden text, keyword stuffing), redacted. */
  text: string;
  headline?: string;
  summary?: string;
  skills: RedactedSkill[];
  experience: RedactedExperience[];
  totalExperienceMonths: number;
  education: RedactedEducation[];
  highestDegree: DegreeLevel;
  certifications: RedactedCertification[];
}

export interface RedactedSkill {
  canonical: string;
  category?: string;
  spans: Span[];
  sections: SectionName[];
}

export interface RedactedExperience {
  title?: string;
  description: string;
  months: number;
  current: boolean;
  /** Months from this role's end to the end of the most recent role (0 for the most recent or a current one). */
  monthsBeforeLatest: number;
  span: Span;
}

export interface RedactedEducation {
  level: DegreeLevel;
  degree?: string;
  field?: string;
  span: Span;
}

export interface RedactedCertification {
  name: string;
  issuer?: string;
  span: Span;
}
