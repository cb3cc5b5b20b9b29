import type { Profile } from './profile.types';

/**
 * Export to the JSON Resume schema v1.0.0 (jsonresume.org/schema), which HR tools import.
 * Only fields the parser found are written; dates are the schema's ISO "YYYY-MM" partial dates.
 */
export interface JsonResume {
  $schema: string;
  basics: Record<string, unknown>;
  work: Record<string, unknown>[];
  education: Record<string, unknown>[];
  skills: Record<string, unknown>[];
  certificates: Record<string, unknown>[];
  languages: Record<string, unknown>[];
  meta: Record<string, unknown>;
}

const NETWORK: Record<string, string> = { linkedin: 'LinkedIn', github: 'GitHub' };

export function toJsonResume(p: Profile): JsonResume {
  const c = p.contact;
  const profiles = c.links
    .filter((l) => l.value.type === 'linkedin' || l.value.type === 'github')
    .map((l) => ({
      network: NETWORK[l.value.type],
      username: l.value.url.replace(/\/$/, '').split('/').pop(),
      url: withScheme(l.value.url),
    }));
  const portfolio = c.links.find((l) => l.value.type === 'portfolio');
  const basics = compact({
    name: c.name?.value,
    label: p.headline?.value,
    email: c.email?.value,
    phone: c.phone?.value,
    url: portfolio ? withScheme(portfolio.value.url) : undefined,
    summary: p.summary?.value,
    location: c.location ? { address: c.location.value } : undefined,
    profiles,
  });
  return {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics,
    work: p.experience.map((e) =>
      compact({
        name: e.employer,
        position: e.title,
        startDate: e.start,
        endDate: e.current ? undefined : e.end,
        highlights: highlights(e.description),
      }),
    ),
    education: p.education.map((e) =>
      compact({
        institution: e.institution,
        area: e.field,
        studyType: e.degree,
        endDate: e.year ? String(e.year) : undefined,
      }),
    ),
    skills: p.skills.map((s) =>
      compact({ name: s.canonical, keywords: s.category ? [s.category] : undefined }),
    ),
    certificates: p.certifications.map((c) =>
      compact({ name: c.name, issuer: c.issuer, date: c.year ? String(c.year) : undefined }),
    ),
    languages: p.languages.map((l) => compact({ language: l.language, fluency: l.proficiency })),
    meta: {
      version: 'v1.0.0',
      generator: 'resume-screener/libs/parsing',
      quality: p.quality.ok ? 'ok' : p.quality.reason,
    },
  };
}

/** One highlight per bullet; wrapped lines are joined back to their bullet. */
function highlights(description: string): string[] {
  const out: string[] = [];
  let inBullets = false;
  for (const line of description.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const isBullet = /^[•*-]\s/.test(t);
    if (!isBullet && inBullets) out[out.length - 1] += ' ' + t;
    else out.push(t.replace(/^[•*-]\s*/, ''));
    inBullets ||= isBullet;
  }
  return out;
}

const withScheme = (url: string): string => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

function compact<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
