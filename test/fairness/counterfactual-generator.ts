import type { JobRequirements } from '../../libs/scoring';
import {
  ADDRESSES,
  FAMILIES,
  Family,
  GENDERED_TERMS,
  NAME_GROUPS,
  PRONOUNS,
  PronounSet,
} from './counterfactual-data';

/**
 * Generates the counterfactual set: pairs of fictional resumes identical in every job-relevant
 * word and differing only in protected or proxy attributes. A blind scorer must give both
 * resumes of a pair the same score. Deterministic for a given seed.
 */
export const COUNTERFACTUAL_KINDS = [
  'name',
  'pronouns',
  'gendered_terms',
  'graduation_year',
  'address',
  'all',
] as const;
export type CounterfactualKind = (typeof COUNTERFACTUAL_KINDS)[number];

export interface CounterfactualPair {
  id: string;
  kind: CounterfactualKind;
  job: JobRequirements;
  a: string;
  b: string;
}

interface Persona {
  group: string;
  first: string;
  last: string;
  pronouns: PronounSet;
  /** 0 female, 1 male, 2 neutral form of each gendered term. */
  terms: 0 | 1 | 2;
  gradYear: number;
  address: string;
}

interface Base {
  family: Family;
  skills: string[];
  startYear: number;
  prevStart: number;
  months: [string, string, string];
  phone: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** mulberry32: a tiny seeded PRNG, so the set is the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCounterfactualPairs(count = 600, seed = 20250101): CounterfactualPair[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const other = <T>(xs: readonly T[], not: T): T => pick(xs.filter((x) => x !== not));
  const shuffled = <T>(xs: readonly T[]): T[] =>
    [...xs]
      .map((x) => [rnd(), x] as const)
      .sort((p, q) => p[0] - q[0])
      .map(([, x]) => x);

  const persona = (exceptGroup?: string): Persona => {
    const g = pick(NAME_GROUPS.filter((n) => n.group !== exceptGroup));
    return {
      group: g.group,
      first: pick(g.first),
      last: pick(g.last),
      pronouns: PRONOUNS[g.gender],
      terms: g.gender === 'female' ? 0 : g.gender === 'male' ? 1 : 2,
      gradYear: 1988 + Math.floor(rnd() * 29),
      address: pick(ADDRESSES),
    };
  };
  const base = (): Base => {
    const family = pick(FAMILIES);
    const startYear = 2012 + Math.floor(rnd() * 10);
    return {
      family,
      skills: shuffled(family.skills).slice(0, 5 + Math.floor(rnd() * (family.skills.length - 4))),
      startYear,
      prevStart: startYear - 2 - Math.floor(rnd() * 4),
      months: [pick(MONTHS), pick(MONTHS), pick(MONTHS)],
      phone: `+1 415 555 0${String(100 + Math.floor(rnd() * 899))}`,
    };
  };
  const vary = (p: Persona, kind: CounterfactualKind): Persona => {
    const pronounSets = Object.values(PRONOUNS);
    switch (kind) {
      case 'name': {
        const q = persona(p.group);
        return { ...p, group: q.group, first: q.first, last: q.last };
      }
      case 'pronouns':
        return { ...p, pronouns: other(pronounSets, p.pronouns) };
      case 'gendered_terms':
        return { ...p, terms: other([0, 1, 2] as const, p.terms) };
      case 'graduation_year':
        return {
          ...p,
          gradYear: p.gradYear + (p.gradYear < 2002 ? 1 : -1) * (6 + Math.floor(rnd() * 10)),
        };
      case 'address':
        return { ...p, address: other(ADDRESSES, p.address) };
      case 'all': {
        const q = persona(p.group);
        return {
          ...q,
          pronouns: q.pronouns === p.pronouns ? other(pronounSets, p.pronouns) : q.pronouns,
          terms: q.terms === p.terms ? other([0, 1, 2] as const, p.terms) : q.terms,
          gradYear: q.gradYear === p.gradYear ? q.gradYear + 7 : q.gradYear,
          address: q.address === p.address ? other(ADDRESSES, p.address) : q.address,
        };
      }
    }
  };

  const pairs: CounterfactualPair[] = [];
  for (let i = 0; i < count; i++) {
    const kind = COUNTERFACTUAL_KINDS[i % COUNTERFACTUAL_KINDS.length];
    const b = base();
    const pa = persona();
    const pb = vary(pa, kind);
    pairs.push({
      id: `cf-${String(i).padStart(4, '0')}-${kind}`,
      kind,
      job: b.family.job,
      a: renderResume(pa, b),
      b: renderResume(pb, b),
    });
  }
  return pairs;
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]+/g, '')
    .toLowerCase();

/** One resume: the persona fills names, contacts, pronouns, gendered words and dates; the base fills the rest. */
export function renderResume(p: Persona, b: Base): string {
  const f = b.family;
  const term = (k: keyof typeof GENDERED_TERMS) => GENDERED_TERMS[k][p.terms];
  const { subj, obj, poss } = p.pronouns;
  const s = b.skills;
  const years = 2025 - b.startYear + (b.startYear - b.prevStart);
  return [
    `${p.first} ${p.last}`,
    f.titles[0],
    `${ascii(p.first)}.${ascii(p.last)}@example.com | ${b.phone} | ${p.address}`,
    `Pronouns: ${p.pronouns.label}`,
    '',
    'Summary',
    `${f.titles[0]} with ${years} years of experience in ${f.domain}. ${subj} led a cross-team rollout of ${s[0]}, and ${poss} work cut delivery time by a third.`,
    '',
    'Experience',
    `${f.titles[0]}, ${f.companies[0]}`,
    `${b.months[0]} ${b.startYear} - Present`,
    `- Built and ran ${f.domain} with ${s[0]}, ${s[1]} and ${s[2]}.`,
    `- ${subj} served as ${term('chair')} of the ${f.committee} for two terms.`,
    `- Colleagues relied on ${obj} to coach new hires in ${s[3]}.`,
    `${f.titles[1]}, ${f.companies[1]}`,
    `${b.months[1]} ${b.prevStart} - ${b.months[2]} ${b.startYear}`,
    `- Delivered quarterly projects using ${s[4]}${s[5] ? ` and ${s[5]}` : ''}.`,
    `- Acted as ${term('spokes')} for the team in customer reviews and as site ${term('lead')} during the office move.`,
    '',
    'Education',
    `${f.degree} in ${f.field}, ${f.school}, ${p.gradYear}`,
    '',
    'Skills',
    s.join(', '),
    '',
    'Activities',
    `Member of the ${term('society')} at ${f.school}; volunteer ${term('sales')} at the annual charity fair.`,
  ].join('\n');
}
