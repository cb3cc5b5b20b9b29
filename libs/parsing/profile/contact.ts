import type { ContactInfo, Field, LinkType, Span } from '../profile.types';
import { fields, type Line } from './lines';
import { findPhones, inferCountry, US_STATE_RE } from './phone';
import { isPersonName, toDisplayName } from './person-name';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const LINK =
  /(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/(?:in|pub)\/[\w%.-]+|github\.com\/[\w.-]+|[a-z0-9-]+\.(?:github\.io|netlify\.app|vercel\.app|dev|io|me)(?:\/[\w./-]*)?|(?:https?:\/\/|www\.)[\w.-]+\.[a-z]{2,}(?:\/[\w./%#?=&-]*)?)/gi;

/**
 * Where contact details live: the header (text before the first heading) and sections headed
 * "Contact" or "Personal details", which sidebar templates use.
 */
export interface ContactArea {
  spans: Span[];
}

const inArea = (area: ContactArea, i: number): boolean =>
  area.spans.some((s) => i >= s.start && i < s.end);

/** Lines that may hold contact details: the contact area, else the first lines of the text. */
function headerLines(lines: Line[], area: ContactArea): Line[] {
  const inHeader = lines.filter((l) => inArea(area, l.start) && l.text.trim());
  return (inHeader.length ? inHeader : lines.filter((l) => l.text.trim())).slice(0, 14);
}

export function extractContact(text: string, lines: Line[], area: ContactArea): ContactInfo {
  const head = headerLines(lines, area);
  const headText = head.map((l) => l.text).join('\n');
  const contact: ContactInfo = { links: extractLinks(text, area) };
  const email = firstMatch(text, EMAIL, area);
  if (email) contact.email = email;
  const phone = extractPhone(text, area, inferCountry(headText));
  if (phone) contact.phone = phone;
  const name = extractName(head, lines);
  if (name) contact.name = name;
  const location = extractLocation(head);
  if (location) contact.location = location;
  return contact;
}

function firstMatch(text: string, re: RegExp, area: ContactArea): Field<string> | undefined {
  const all = [...text.matchAll(re)];
  if (!all.length) return undefined;
  const m = all.find((x) => inArea(area, x.index ?? 0)) ?? all[0];
  const value = m[0].replace(/[.,;:]+$/, '');
  const start = m.index ?? 0;
  return {
    value,
    confidence: inArea(area, start) ? 0.95 : 0.75,
    span: { start, end: start + value.length },
  };
}

function extractPhone(
  text: string,
  area: ContactArea,
  country: ReturnType<typeof inferCountry>,
): Field<string> | undefined {
  const hits = findPhones(text, country);
  const labelled = hits.find((h) =>
    /(?:phone|mobile|mob|tel|cell|contact|ph)\.?\s*(?:no\.?|number|#)?\s*[:.-]?\s*$/i.test(
      text.slice(Math.max(0, h.index - 24), h.index),
    ),
  );
  const hit =
    labelled ??
    hits.find((h) => inArea(area, h.index)) ??
    hits.find((h) => h.printed.replace(/\D/g, '').length >= 10);
  if (!hit) return undefined;
  const confidence = inArea(area, hit.index) || hit === labelled ? 0.9 : 0.6;
  return {
    value: hit.e164 ?? hit.printed,
    confidence,
    span: { start: hit.index, end: hit.index + hit.printed.length },
  };
}

function extractName(head: Line[], lines: Line[]): Field<string> | undefined {
  for (const [i, line] of head.entries()) {
    if (i >= 6) break;
    const labelled = /^\s*name\s*[:-]\s*(.+)$/i.exec(line.text);
    const candidates = labelled ? [labelled[1]] : fields(line.text).slice(0, 2);
    for (const raw of candidates) {
      const cand = raw.trim().replace(/[,;:]+$/, '');
      const firstLine = line.index === lines.find((l) => l.text.trim())?.index;
      const strict = isPersonName(cand);
      if (!strict && !(firstLine && isPersonName(cand, true))) continue;
      const start = line.start + line.text.indexOf(cand);
      const confidence = !strict ? 0.6 : i === 0 || firstLine ? 0.9 : 0.7;
      return { value: toDisplayName(cand), confidence, span: { start, end: start + cand.length } };
    }
  }
  return undefined;
}

const PLACE =
  /^(?:\d+[A-Za-z]?\s+)?[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}\d][\p{L}.'-]*){0,3}(?:,\s*[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,2}){1,3}(?:\s+\d{5}(?:-\d{4})?)?$/u;
const STREET =
  /^\d+[A-Za-z]?\s+[\p{L}\d .'-]+\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl)\.?$/u;

/** A "City, ST" / "City, Country" field of the header; a street line right above is joined. */
function extractLocation(head: Line[]): Field<string> | undefined {
  for (const [i, line] of head.entries()) {
    const stripped = line.text
      .replace(EMAIL, ' | ')
      .replace(LINK, ' | ')
      .replace(/\+?\(?\d[\d\s().-]{6,}\d/g, ' | ');
    for (const f of fields(stripped).flatMap((x) => x.split(/\s,\s/))) {
      const value = f.replace(/^[^\p{L}\d]+|[^\p{L}\d.]+$/gu, '').trim();
      if (!PLACE.test(value) || isPersonName(value)) continue;
      const prev = head[i - 1]?.text.trim();
      const full = prev && STREET.test(prev) ? `${prev}, ${value}` : value;
      const start = full === value ? line.start + line.text.indexOf(value) : head[i - 1].start;
      const confidence = US_STATE_RE.test(value) ? 0.85 : 0.6;
      return {
        value: full,
        confidence,
        span: { start, end: line.start + line.text.indexOf(value) + value.length },
      };
    }
  }
  return undefined;
}

function extractLinks(text: string, area: ContactArea): Field<{ type: LinkType; url: string }>[] {
  const seen = new Set<string>();
  const out: Field<{ type: LinkType; url: string }>[] = [];
  for (const m of text.matchAll(LINK)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 1), start);
    if (before === '@' || /[\w.]/.test(before)) continue;
    const url = m[0].replace(/[.,;:)]+$/, '');
    const key = url
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?|^www\./, '')
      .replace(/\/$/, '');
    if (seen.has(key) || /@/.test(url)) continue;
    seen.add(key);
    const type: LinkType = /linkedin\.com/i.test(url)
      ? 'linkedin'
      : /github\.com/i.test(url)
        ? 'github'
        : inArea(area, start)
          ? 'portfolio'
          : 'other';
    out.push({
      value: { type, url },
      confidence: type === 'other' ? 0.5 : 0.9,
      span: { start, end: start + url.length },
    });
  }
  return out;
}
