import type { Profile, SkillMention } from '../../parsing/profile.types';
import { TextBuilder } from '../data/text-builder';
import type { JobRequirements } from '../job.types';

/** Test fixtures: fictional people and jobs, built in code so no real resume is ever needed. */
export interface PersonaOptions {
  name?: string;
  pronoun?: 'he' | 'she' | 'they';
  /** A gendered job-title word used in the summary ("chairman", "chairwoman", "chairperson"). */
  role?: string;
  address?: string;
  graduationYear?: number;
  email?: string;
  skills?: string[];
  /** Technologies named in the experience descriptions. */
  stack?: string[];
  years?: number;
}

const POSSESSIVE = { he: 'his', she: 'her', they: 'their' } as const;

export function backendPersona(o: PersonaOptions = {}): Profile {
  const name = o.name ?? 'Avery Quinlan';
  const pronoun = o.pronoun ?? 'she';
  const address = o.address ?? '42 Elm Street, Springfield, IL 62701';
  const email = o.email ?? 'avery.q@example.com';
  const skills = o.skills ?? ['TypeScript', 'Node.js', 'PostgreSQL', 'Docker', 'AWS'];
  const years = o.years ?? 6;
  const [t1, t2, t3, t4, t5] = o.stack ?? ['TypeScript', 'Node.js', 'PostgreSQL', 'Docker', 'AWS'];
  const desc1 = `Built REST APIs in ${t1} and ${t2} on ${t3}.`;
  const desc2 = `${t4} services on ${t5}, message queues.`;
  const b = new TextBuilder();
  b.line(name);
  b.line(`${email} | ${address}`);
  const summary = `${cap(pronoun)} is a backend engineer and former ${o.role ?? 'chairwoman'} of the campus coding club. ${cap(POSSESSIVE[pronoun])} focus is reliable APIs and data pipelines.`;
  const summarySpan = b.line(summary);
  b.line('Skills');
  const mentions: SkillMention[] = b.list(skills, ', ').map((span, i) => ({
    canonical: skills[i],
    confidence: 1,
    spans: [span],
    sections: ['skills'],
  }));
  b.line();
  b.line('Experience');
  const start1 = 2024 - years;
  const role1 = b.line(
    `Senior Backend Engineer, Northwind Labs (${start1 + 3}-01 – Present): ${desc1}`,
  );
  const role2 = b.line(
    `Backend Engineer, Contoso Data (${start1}-01 – ${start1 + 3}-01): ${desc2}`,
  );
  b.line('Education');
  const gradYear = o.graduationYear ?? 2016;
  const edu = b.line(`B.Sc. in Computer Science, Lakeside University, ${gradYear}`);
  const text = b.toString();
  return {
    schemaVersion: 1,
    text,
    sections: [],
    contact: {
      name: { value: name, confidence: 0.9 },
      email: { value: email, confidence: 1 },
      location: { value: address, confidence: 0.8 },
      links: [],
    },
    headline: { value: 'Senior Backend Engineer', confidence: 0.8 },
    summary: { value: summary, confidence: 0.8, span: summarySpan },
    skills: mentions,
    experience: [
      {
        title: 'Senior Backend Engineer',
        employer: 'Northwind Labs',
        start: `${start1 + 3}-01`,
        current: true,
        months: (years - 3) * 12,
        description: desc1,
        confidence: 0.9,
        span: role1,
      },
      {
        title: 'Backend Engineer',
        employer: 'Contoso Data',
        start: `${start1}-01`,
        end: `${start1 + 3}-01`,
        current: false,
        months: 36,
        description: desc2,
        confidence: 0.9,
        span: role2,
      },
    ],
    totalExperienceMonths: years * 12,
    education: [
      {
        level: 'bachelor',
        degree: 'B.Sc.',
        field: 'Computer Science',
        institution: 'Lakeside University',
        year: gradYear,
        confidence: 0.9,
        span: edu,
      },
    ],
    highestDegree: 'bachelor',
    certifications: [],
    languages: [{ language: 'English' }],
    quality: {
      ok: true,
      textLength: text.length,
      garbageRatio: 0,
      needsOcr: false,
      flags: [],
      excludedSpans: [],
    },
  };
}

export const backendJob = (): JobRequirements => ({
  title: 'Backend Engineer',
  description:
    'Design and build REST APIs and data pipelines in TypeScript on Node.js. Run services in Docker on AWS, with PostgreSQL.',
  requiredSkills: ['TypeScript', 'Node.js', 'PostgreSQL', 'Docker', 'Kubernetes'],
  preferredSkills: ['AWS', 'Redis'],
  minYears: 3,
  educationLevel: 'bachelor',
});

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
