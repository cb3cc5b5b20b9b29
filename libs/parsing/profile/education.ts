import type { EducationEntry, Section } from '../profile.types';
import { findDates } from './dates';
import { classifyDegree } from './degree';
import type { Line } from './lines';

/**
 * Education entries: each line that names a degree starts one; the institution, field and year
 * are taken from that line and the next two lines. Without an education section, degree lines
 * anywhere outside experience and skills count, with lower confidence.
 */
const INSTITUTION =
  /\b(?:university|universit[éà]|college|institute|institution|school|academy|polytechnic|iit|nit|iiit|bits|vidyalaya|vidyapeeth|mahavidyalaya|conservatory|seminary|campus|faculty of|ecole|école|hochschule|universidad|escuela|instituto|lycée|gymnasium|hogeschool|universiteit|polytechnique)\b/i;

const IN_EDUCATION = new Set(['education']);
const FALLBACK_SKIP = new Set(['experience', 'skills', 'projects', 'certifications', 'languages']);

export function extractEducation(lines: Line[], sections: Section[]): EducationEntry[] {
  const edu = sections.filter((s) => IN_EDUCATION.has(s.name));
  const fallback = edu.length === 0;
  const spans = fallback
    ? sections.filter((s) => !FALLBACK_SKIP.has(s.name)).map((s) => s.span)
    : edu.map((s) => s.span);
  const out: EducationEntry[] = [];
  for (const span of spans) {
    const inside = lines.filter((l) => l.start >= span.start && l.end <= span.end && l.text.trim());
    out.push(...entriesIn(inside, fallback));
  }
  return dedupe(out);
}

function entriesIn(lines: Line[], fallback: boolean): EducationEntry[] {
  const out: EducationEntry[] = [];
  const usedInstitution = new Set<number>();
  lines.forEach((line, i) => {
    const level = classifyDegree(line.text);
    if (!level || line.text.length > 160) return;
    if (fallback && !looksLikeDegreeLine(line.text)) return;
    const context = lines.slice(i, i + 3).filter((l, k) => k === 0 || !classifyDegree(l.text));
    const around = [
      ...context,
      ...(lines[i - 1] && !usedInstitution.has(lines[i - 1].index) ? [lines[i - 1]] : []),
    ];
    const inst = pickInstitution(around);
    if (inst) usedInstitution.add(inst.line.index);
    const years = context.flatMap((l) => findDates(l.text).map((d) => d.date.year));
    const degree = degreePhrase(line.text);
    const last = context[context.length - 1];
    out.push({
      level,
      degree,
      field: fieldOf(degree),
      institution: inst?.name,
      year: years.length ? Math.max(...years) : undefined,
      confidence: (fallback ? 0.5 : 0.85) - (inst ? 0 : 0.1),
      span: { start: Math.min(line.start, inst?.line.start ?? line.start), end: last.end },
    });
  });
  if (!fallback) out.push(...institutionOnly(lines, usedInstitution));
  return out;
}

/** Institutions named without a degree next to them ("Great Lakes Institute of Management"). */
function institutionOnly(lines: Line[], used: Set<number>): EducationEntry[] {
  const out: EducationEntry[] = [];
  lines.forEach((l, i) => {
    if (used.has(l.index) || classifyDegree(l.text)) return;
    const inst = pickInstitution([l]);
    if (!inst) return;
    const years = lines.slice(i, i + 3).flatMap((x) => findDates(x.text).map((d) => d.date.year));
    out.push({
      level: 'none',
      institution: inst.name,
      year: years.length ? Math.max(...years) : undefined,
      confidence: 0.5,
      span: { start: l.start, end: l.end },
    });
  });
  return out;
}

/** Without a section, only short lines that lead with the degree are trusted. */
function looksLikeDegreeLine(s: string): boolean {
  return s.length < 100 && !/[.!?]\s*$/.test(s.trim());
}

/**
 * The first part of a line that names an institution. A school that is itself the degree marker
 * ("Sindhi High School") is still an institution when it reads as a proper name.
 */
function pickInstitution(candidates: Line[]): { name: string; line: Line } | undefined {
  for (const l of candidates) {
    for (const part of l.text.split(/\t|\s[|•,–—-]\s|,\s(?=[\p{Lu}])/u)) {
      if (!INSTITUTION.test(part)) continue;
      const level = classifyDegree(part);
      if (
        level &&
        !(
          level === 'high_school' &&
          /^[\p{Lu}][\p{L}.']*\s/u.test(part.trim()) &&
          /school|college/i.test(part)
        )
      )
        continue;
      const name = tidy(part.replace(/\(?\b(19|20)\d{2}\b.*$/, ''));
      if (name.length >= 3) return { name, line: l };
    }
  }
  return undefined;
}

/** The degree itself, without the year, institution and grade that share its line. */
function degreePhrase(s: string): string {
  const parts = s.split(/\t|\s[|•]\s|\s[–—]\s|\s-\s(?=[\p{Lu}\d])/u);
  const part = parts.find((p) => classifyDegree(p)) ?? s;
  const withoutDate = part.replace(
    /[\s,(]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+|\d{1,2}[/.-])?(?:19|20)\d{2}\b.*$/i,
    '',
  );
  return tidy(withoutDate.replace(/\b(?:cgpa|gpa|percentage|grade)\b.*$/i, ''));
}

/** "Degree : Field", "Degree in Field", "Degree, Field" or "Bachelor of Science Field". */
function fieldOf(degree: string): string | undefined {
  const m =
    /:\s*(.{3,80})$/.exec(degree) ??
    /\sin\s+(?!.*\sin\s)(.{3,80})$/i.exec(degree) ??
    /,\s*(.{3,80})$/.exec(degree) ??
    /^(?:bachelor|master|doctor)'?s?\s+of\s+(?:science|arts)\s+(.{3,80})$/i.exec(degree);
  return m ? tidy(m[1].replace(/[()]/g, ' ')) || undefined : undefined;
}

const tidy = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s•,:;–—-]+|[\s,:;–—(-]+$/g, '')
    .trim();

function dedupe(entries: EducationEntry[]): EducationEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = [e.level, e.degree, e.institution, e.year].join('|').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
