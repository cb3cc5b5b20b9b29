import { redactProfile } from '../redact-profile';
import { SkillIndex } from '../skills/skill-index';
import { backendJob, backendPersona } from '../testing/fictional-profiles';
import { fitTextStats } from '../text/text-stats';
import { computeFeatureDetails, computeFeatures } from './compute-features';
import { FEATURE_INDEX, FEATURE_NAMES } from './feature-names';

const stats = fitTextStats([
  'backend engineer typescript node postgresql',
  'nurse patient care hospital',
  'accountant ledger tax audit',
]);
const value = (x: Float32Array, name: keyof typeof FEATURE_INDEX): number => x[FEATURE_INDEX[name]];

describe(computeFeatures.name, () => {
  const job = backendJob();
  const profile = redactProfile(backendPersona());

  it('returns one finite value per feature name, deterministically', () => {
    const x = computeFeatures(profile, job, stats);
    expect(x).toHaveLength(FEATURE_NAMES.length);
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
    expect(
      Array.from(computeFeatures(redactProfile(backendPersona()), backendJob(), stats)),
    ).toEqual(Array.from(x));
  });

  it('counts matched and missing required skills, with evidence spans into the source text', () => {
    const { values, details } = computeFeatureDetails(profile, job, stats);
    expect(details.required.total).toBe(5);
    expect(details.required.missing).toEqual(['Kubernetes']);
    expect(value(values, 'required_skills_missing')).toBe(1);
    expect(value(values, 'required_skill_coverage')).toBeGreaterThan(0.7);
    expect(value(values, 'required_skill_coverage')).toBeLessThan(1);
    const source = backendPersona().text;
    const ts = details.required.matched.find((m) => m.name === 'TypeScript');
    expect(ts?.evidence.map((s) => source.slice(s.start, s.end))).toContain('TypeScript');
  });

  it('measures experience against the requirement as a signed gap', () => {
    const x = computeFeatures(profile, job, stats);
    expect(value(x, 'total_experience_years')).toBe(6);
    expect(value(x, 'total_experience_gap')).toBe(3);
    const junior = computeFeatures(
      redactProfile(backendPersona({ years: 2 })),
      { ...job, minYears: 5 },
      stats,
    );
    expect(value(junior, 'total_experience_gap')).toBe(-3);
    expect(value(junior, 'relevant_experience_gap')).toBeLessThan(0);
  });

  it('compares education with the required level', () => {
    expect(
      value(computeFeatures(profile, { ...job, educationLevel: 'master' }, stats), 'education_gap'),
    ).toBe(-1);
    expect(
      value(
        computeFeatures(profile, { ...job, educationLevel: undefined }, stats),
        'education_gap',
      ),
    ).toBe(0);
  });

  it('scores text similarity higher for a related job than for an unrelated one', () => {
    const nursing = {
      title: 'Registered Nurse',
      description: 'Patient care in a hospital ward.',
      requiredSkills: ['Patient Care'],
      preferredSkills: [],
    };
    const related = computeFeatures(profile, job, stats);
    const unrelated = computeFeatures(profile, nursing, stats);
    for (const f of [
      'text_cosine',
      'text_bm25',
      'title_similarity',
      'required_skill_coverage',
    ] as const) {
      expect(value(related, f)).toBeGreaterThan(value(unrelated, f));
    }
  });

  it('matches skills through the taxonomy interface, so aliases count', () => {
    const tiny = new SkillIndex({
      normalize: (n) =>
        /^(k8s|kubernetes)$/i.test(n)
          ? { canonical: 'Kubernetes', known: true, category: 'devops' }
          : { canonical: n, known: false },
      findInText: (t) =>
        [...t.matchAll(/\bk8s\b/gi)].map((m) => ({
          canonical: 'Kubernetes',
          category: 'devops',
          start: m.index ?? 0,
          end: (m.index ?? 0) + 3,
          matched: m[0],
        })),
    });
    const withK8s = backendPersona();
    withK8s.text += '\nAlso runs k8s clusters.';
    const d = computeFeatureDetails(
      redactProfile(withK8s),
      { ...job, requiredSkills: ['Kubernetes'] },
      stats,
      tiny,
    ).details;
    expect(d.required.matched.map((m) => m.name)).toEqual(['Kubernetes']);
  });
});
