import { SkillIndex } from '../skills/skill-index';
import { requiredDegreeIn, highestDegreeIn } from './degree-level';
import { parseJobPosting } from './job-posting.parser';
import { parseMinYears } from './years-requirement';

const KNOWN = ['TypeScript', 'Kubernetes', 'PostgreSQL', 'Redis', 'Docker'];
const skills = new SkillIndex({
  normalize: (n) => ({ canonical: n, known: KNOWN.includes(n) }),
  findInText: (t) =>
    KNOWN.flatMap((k) =>
      [...t.matchAll(new RegExp(`\\b${k}\\b`, 'g'))].map((m) => ({
        canonical: k,
        category: 'x',
        start: m.index ?? 0,
        end: (m.index ?? 0) + k.length,
        matched: k,
      })),
    ),
});

describe(parseJobPosting.name, () => {
  it('reads title, required and preferred skills, years and degree from a Markdown posting', () => {
    const md = [
      '# Platform Engineer',
      '',
      'You will run Docker workloads for our product teams.',
      '',
      '## Requirements',
      '- TypeScript and PostgreSQL',
      '- Incident response',
      '- 4+ years of backend experience',
      "- Bachelor's degree in Computer Science",
      '',
      '## Nice to have',
      '- Kubernetes',
      '- Redis',
    ].join('\n');
    const job = parseJobPosting(md, skills);
    expect(job.title).toBe('Platform Engineer');
    expect(job.requiredSkills).toEqual(['TypeScript', 'PostgreSQL', 'Incident response']);
    expect(job.preferredSkills).toEqual(['Kubernetes', 'Redis', 'Docker']);
    expect(job.minYears).toBe(4);
    expect(job.educationLevel).toBe('bachelor');
  });

  it('treats skills in the prose as required when there is no requirements list', () => {
    const job = parseJobPosting(
      'Backend developer\nWe use TypeScript and Redis every day.',
      skills,
    );
    expect(job.requiredSkills).toEqual(['TypeScript', 'Redis']);
  });
});

describe('requirement parsing', () => {
  it.each([
    ['At least 5 year(s)', 5],
    ['2 to 5 years', 2],
    ['3+ years', 3],
    ['Fresh graduates are welcome', 0],
    ['No mention', undefined],
  ])('%s → %s years', (text, years) => expect(parseMinYears(text)).toBe(years));

  it('takes the lowest degree a requirement accepts and the highest a resume shows', () => {
    expect(requiredDegreeIn("Bachelor's or Master's degree in CS")).toBe('bachelor');
    expect(requiredDegreeIn('M.Sc in Computer Science')).toBe('master');
    expect(requiredDegreeIn('Good communication')).toBeUndefined();
    expect(highestDegreeIn('B.Tech, MBA')).toBe('master');
    expect(highestDegreeIn('PhD in Physics')).toBe('doctorate');
  });
});
