import { LIMITS } from '../limits';
import { normalizeTextDetailed, normalizeText } from '../normalize/normalize-text';
import type { Field, Profile, QualityFlag, Section } from '../profile.types';
import { extractCertifications } from './certifications';
import { extractContact } from './contact';
import { maxLevel } from './degree';
import { extractEducation } from './education';
import { compareByStart, extractExperience, totalMonths } from './experience';
import { extractLanguages, hasSpokenLanguage } from './languages';
import { maskSpans, splitLines, type Line } from './lines';
import { findSections } from './sections';
import { extractSkills } from './skills';
import { isPersonName } from './person-name';
import { findStuffing, garbageRatio, locateHidden, mergeSpans, qualityReason } from './quality';

export interface ProfileMeta {
  pages?: number;
  needsOcr?: boolean;
  /** Strings the extractor saw drawn invisibly; they are excluded from every field. */
  hiddenTexts?: string[];
  /** Reference time for "Present" (defaults to now); fix it for reproducible output. */
  now?: Date;
}

/**
 * Builds the structured profile from raw text. Pure apart from `meta.now`, synchronous and linear
 * in the text length (the text is capped at LIMITS.maxProfileChars). Hidden and stuffed text is
 * replaced by spaces before any field is read, so it can never contribute to a field or score;
 * `text` keeps it, and `quality.excludedSpans` says where it is.
 */
export function buildProfile(raw: string, meta: ProfileMeta = {}): Profile {
  const { text, masked, quality } = gate(raw, meta);
  const profile = emptyProfile(text, quality);
  // Empty, garbled and image-only text yields a reason, never an invented profile.
  if (quality.reason && quality.reason !== 'too_short') return profile;
  readFields(profile, masked, meta.now ?? new Date());
  return profile;
}

/** Normalises, finds hidden and stuffed spans, masks them and runs the quality gate. */
function gate(
  raw: string,
  meta: ProfileMeta,
): { text: string; masked: string; quality: Profile['quality'] } {
  const { text, mojibakeRepaired } = normalizeTextDetailed(raw.slice(0, LIMITS.maxProfileChars));
  const flags: QualityFlag[] = mojibakeRepaired ? ['mojibake_repaired'] : [];
  const hidden = locateHidden(text, meta.hiddenTexts ?? [], normalizeText);
  const stuffing = findStuffing(text, splitLines(text));
  if (hidden.length) flags.push('hidden_text');
  if (stuffing.length) flags.push('keyword_stuffing');
  const excludedSpans = mergeSpans([...hidden, ...stuffing]);
  const masked = maskSpans(text, excludedSpans);
  const garbage = garbageRatio(masked);
  const reason = qualityReason(masked.replace(/\s/g, '').length, garbage, meta.needsOcr === true);
  const quality: Profile['quality'] = {
    ok: reason === undefined,
    reason,
    textLength: text.length,
    garbageRatio: Math.round(garbage * 1000) / 1000,
    needsOcr: meta.needsOcr === true,
    pages: meta.pages,
    flags,
    excludedSpans,
  };
  return { text, masked, quality };
}

function readFields(profile: Profile, visible: string, now: Date): void {
  let masked = visible;
  let lines = splitLines(masked);
  const sections = relabelSections(findSections(lines, masked.length).sections, masked);
  const skills = extractSkills(masked, sections);
  if (skills.excessSpans.length) {
    const q = profile.quality;
    q.excludedSpans = mergeSpans([...q.excludedSpans, ...skills.excessSpans]);
    if (!q.flags.includes('keyword_stuffing')) q.flags.push('keyword_stuffing');
    masked = maskSpans(masked, skills.excessSpans);
    lines = splitLines(masked);
  }
  const headerEnd = sections.find((s) => s.name !== 'header')?.span.start ?? masked.length;
  const experience = extractExperience(lines, sections, now).sort(compareByStart);
  const education = extractEducation(lines, sections);
  Object.assign(profile, {
    sections,
    contact: extractContact(masked, lines, {
      spans: sections.filter(isContactSection).map((s) => s.span),
    }),
    skills: skills.skills,
    experience,
    totalExperienceMonths: totalMonths(experience, now),
    education,
    highestDegree: maxLevel(education.map((e) => e.level)),
    certifications: extractCertifications(lines, sections),
    languages: extractLanguages(masked, lines, sections),
  });
  profile.summary = summaryOf(masked, sections);
  profile.headline = headlineOf(lines, headerEnd, profile.contact);
}

function emptyProfile(text: string, quality: Profile['quality']): Profile {
  return {
    schemaVersion: 1,
    text,
    sections: [],
    contact: { links: [] },
    skills: [],
    experience: [],
    totalExperienceMonths: 0,
    education: [],
    highestDegree: 'none',
    certifications: [],
    languages: [],
    quality,
  };
}

/** A "Languages" section that lists no spoken language is a programming-languages list. */
function relabelSections(sections: Section[], text: string): Section[] {
  return sections.map((s) =>
    s.name === 'languages' && !hasSpokenLanguage(text.slice(s.span.start, s.span.end))
      ? { ...s, name: 'skills' }
      : s,
  );
}

function summaryOf(text: string, sections: Section[]): Field<string> | undefined {
  const s = sections.find((x) => x.name === 'summary');
  if (!s) return undefined;
  const body = text.slice(s.span.start, s.span.end);
  const firstBreak = body.indexOf('\n');
  const content = (firstBreak >= 0 ? body.slice(firstBreak + 1) : '').trim();
  if (!content) return undefined;
  const start = s.span.start + body.indexOf(content);
  const value = content.replace(/\s*\n\s*/g, ' ').slice(0, 1200);
  return {
    value,
    confidence: 0.8,
    span: { start, end: Math.min(s.span.end, start + content.length) },
  };
}

const CONTACT_HEADINGS =
  /^(?:contact|contact (?:info|information|details)|personal (?:details|information|info))$/i;
const isContactSection = (s: Section): boolean =>
  s.name === 'header' || (s.name === 'other' && CONTACT_HEADINGS.test(s.heading.trim()));

/** The short title line right under the name ("Senior Software Engineer"). */
function headlineOf(
  lines: Line[],
  headerEnd: number,
  contact: Profile['contact'],
): Field<string> | undefined {
  const nameSpan = contact.name?.span;
  const head = lines.filter(
    (l) => l.text.trim() && (l.start < headerEnd || (nameSpan && l.start < nameSpan.end + 400)),
  );
  const startAt = nameSpan ? head.findIndex((l) => l.end >= nameSpan.end) + 1 : 0;
  const location = contact.location?.value;
  for (const l of head.slice(startAt, startAt + 3)) {
    const t = l.text.split(/\t|\s[|•·]\s/)[0].trim();
    if (!t || t.length > 80 || /@|\d{3}|https?:|www\.|linkedin|github|,\s*[A-Z]{2}\b/i.test(t))
      continue;
    if ((location && (location.includes(t) || t.includes(location))) || /^[^,]+,[^,]+/.test(t))
      continue;
    if (isPersonName(t) || t.split(/\s+/).length > 10) continue;
    const start = l.start + l.text.indexOf(t);
    return { value: t, confidence: nameSpan ? 0.7 : 0.5, span: { start, end: start + t.length } };
  }
  return undefined;
}
