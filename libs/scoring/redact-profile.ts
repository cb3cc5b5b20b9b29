import type { Profile, Span } from '../parsing/profile.types';
import { redactText, type RedactionContext } from './redact-text';
import type { RedactedExperience, RedactedProfile, RedactedSkill } from './redacted-profile.types';

/** Projects a parsed profile onto what scoring may see (see `RedactedProfile`). */
export function redactProfile(p: Profile): RedactedProfile {
  const ctx = redactionContext(p);
  const r = (s: string | undefined): string | undefined =>
    s === undefined ? undefined : redactText(s, ctx);
  // The contact line (the one holding the e-mail or phone) often carries the address too, in
  // formats the parser may not recognise as a location; nothing on it is evidence of skill.
  const contactLines = contactLineSpans(p);
  const excluded = [...(p.quality?.excludedSpans ?? []), ...contactLines];
  return {
    redacted: true,
    text: redactText(removeSpans(p.text, excluded), ctx),
    headline: r(p.headline?.value),
    summary: r(p.summary?.value),
    skills: p.skills
      .filter((s) => s.spans.length === 0 || s.spans.some((sp) => !isExcluded(sp, excluded)))
      .map((s): RedactedSkill => ({
        canonical: s.canonical,
        category: s.category,
        spans: s.spans,
        sections: s.sections,
      })),
    experience: redactExperience(p, ctx),
    totalExperienceMonths: p.totalExperienceMonths,
    education: p.education.map((e) => ({
      level: e.level,
      degree: r(e.degree),
      field: r(e.field),
      span: e.span,
    })),
    highestDegree: p.highestDegree,
    certifications: p.certifications.map((c) => ({
      name: redactText(c.name, ctx),
      issuer: r(c.issuer),
      span: c.span,
    })),
  };
}

/** Spans of the lines of `text` that contain the candidate's e-mail or phone. */
function contactLineSpans(p: Profile): Span[] {
  const anchors = [p.contact.email?.span, p.contact.phone?.span].filter((s): s is Span => !!s);
  const spans: Span[] = [];
  for (const a of anchors) {
    const start = p.text.lastIndexOf('\n', a.start - 1) + 1;
    const nl = p.text.indexOf('\n', a.end);
    const end = nl === -1 ? p.text.length : nl;
    if (!spans.some((s) => s.start === start)) spans.push({ start, end });
  }
  return spans;
}

function redactionContext(p: Profile): RedactionContext {
  const c = p.contact;
  const name = c.name?.value ?? '';
  const literals = [
    ...contactLineSpans(p).map((sp) => p.text.slice(sp.start, sp.end)),
    name,
    c.email?.value,
    c.phone?.value,
    c.location?.value,
    ...c.links.map((l) => l.value.url),
  ];
  // A location's parts ("Springfield", "IL") can appear apart from the contact line.
  const locationParts = (c.location?.value ?? '').split(/[,;/]/).map((s) => s.trim());
  return {
    literals: [...literals, ...locationParts].filter(
      (s): s is string => !!s && s.trim().length >= 2,
    ),
    nameTokens: name.split(/[\s.,]+/).filter((t) => t.length >= 2),
  };
}

function redactExperience(p: Profile, ctx: RedactionContext): RedactedExperience[] {
  const latest = Math.max(
    ...p.experience.map(endMonthIndex).filter((m): m is number => m !== undefined),
    -Infinity,
  );
  return p.experience.map((e) => {
    const end = endMonthIndex(e);
    const monthsBeforeLatest =
      e.current || end === undefined || !Number.isFinite(latest) ? 0 : Math.max(0, latest - end);
    return {
      title: e.title === undefined ? undefined : redactText(e.title, ctx),
      description: redactText(e.description, ctx),
      months: e.months,
      current: e.current,
      monthsBeforeLatest,
      span: e.span,
    };
  });
}

/** Month index (year*12 + month-1) of a role's end; a current role ends at its start + duration. */
function endMonthIndex(e: Profile['experience'][number]): number | undefined {
  const parse = (ym?: string): number | undefined => {
    const m = ym ? /^(\d{4})-(\d{2})$/.exec(ym) : null;
    return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
  };
  const end = parse(e.end);
  if (end !== undefined) return end;
  const start = parse(e.start);
  return start === undefined ? undefined : start + e.months;
}

function isExcluded(span: Span, excluded: readonly Span[]): boolean {
  return excluded.some((x) => span.start >= x.start && span.end <= x.end);
}

function removeSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start > pos) out += text.slice(pos, s.start);
    pos = Math.max(pos, s.end);
  }
  return out + text.slice(pos);
}
