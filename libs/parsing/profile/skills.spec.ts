import { SkillTaxonomy } from '../../taxonomy';
import { buildProfile } from './build-profile';

const canonical = (name: string) => SkillTaxonomy.default().normalize(name).canonical;
const skillsOf = (text: string) => buildProfile(text).skills;

describe('skills from the shipped taxonomy', () => {
  it.each([
    ['abbreviation', 'JS', 'JavaScript'],
    ['numeronym', 'k8s', 'Kubernetes'],
    ['vendor prefix', 'MS Excel', 'Excel'],
    ['suffix variant', 'ReactJS', 'React'],
    ['alternate name', 'Golang', 'Go'],
    ['version suffix', 'Python3', 'Python'],
  ])('maps an alias (%s) %s to its canonical skill', (_cls, alias, name) => {
    const skills = skillsOf(`Skills\n${alias}, SQL`).map((s) => s.canonical);
    expect(skills).toContain(canonical(name));
    expect(skills).toContain(canonical('SQL'));
  });

  it('records every mention span, the sections and a confidence that grows with evidence', () => {
    const p = buildProfile(
      'Summary\nPython developer.\nExperience\nEngineer, Acme Inc., 2019 - 2021\n• Python services\nSkills\nPython, Docker',
    );
    const py = p.skills.find((s) => s.canonical === canonical('Python'));
    expect(py?.spans).toHaveLength(3);
    for (const span of py?.spans ?? []) expect(p.text.slice(span.start, span.end)).toBe('Python');
    expect(py?.sections).toEqual(['summary', 'experience', 'skills']);
    const docker = p.skills.find((s) => s.canonical === canonical('Docker'));
    expect(py!.confidence).toBeGreaterThan(docker!.confidence);
  });

  it('reads a "Languages:" line of programming languages as skills, not spoken languages', () => {
    const p = buildProfile('Technical Skills\nLanguages: Python, Java, TypeScript');
    expect(p.languages).toEqual([]);
    expect(p.skills.map((s) => s.canonical)).toEqual(
      expect.arrayContaining([canonical('Java'), canonical('TypeScript')]),
    );
  });
});
