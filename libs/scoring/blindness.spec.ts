import { buildProfile } from '../parsing';
import { ScreeningModel } from './model/screening-model';
import { redactProfile } from './redact-profile';
import { backendJob, backendPersona, type PersonaOptions } from './testing/fictional-profiles';

/** Counterfactual pairs: each edit touches only a protected or private attribute. */
const COUNTERFACTUALS: [string, PersonaOptions][] = [
  ['name', { name: 'Jamal Okafor' }],
  ['pronoun', { pronoun: 'he' }],
  ['neutral pronoun', { pronoun: 'they' }],
  ['gendered term', { role: 'chairman' }],
  ['address', { address: '7 Harbor Road, Portland, OR 97201' }],
  ['graduation year', { graduationYear: 2003 }],
  ['e-mail', { email: 'j.okafor@example.org' }],
];

describe('blind scoring', () => {
  let model: ScreeningModel;
  beforeAll(async () => {
    model = await ScreeningModel.load({ version: '1.0.0' });
  });

  it.each(COUNTERFACTUALS)(
    'changing the %s changes neither the redacted profile nor the score',
    async (_what, edit) => {
      const job = backendJob();
      const base = redactProfile(backendPersona());
      const changed = redactProfile(backendPersona(edit));
      expect(changed.text).toEqual(base.text);
      expect(changed.summary).toEqual(base.summary);
      const [a, b] = await model.scoreBatch([
        { profile: base, job },
        { profile: changed, job },
      ]);
      expect(b.features).toEqual(a.features);
      expect(b.score).toBe(a.score);
      expect(b.explanation.reasons.map((r) => r.text)).toEqual(
        a.explanation.reasons.map((r) => r.text),
      );
    },
  );

  it('a change that is not protected (the skills) does change the score', async () => {
    const job = backendJob();
    const base = await model.score(redactProfile(backendPersona()), job);
    const fewer = await model.score(
      redactProfile(
        backendPersona({
          skills: ['Excel'],
          stack: ['Excel', 'Word', 'Outlook', 'PowerPoint', 'Teams'],
        }),
      ),
      job,
    );
    expect(fewer.score).not.toBe(base.score);
  });

  it('end to end from resume text: another name and pronoun give the same score', async () => {
    const resume = (name: string, pronoun: string, possessive: string) =>
      [
        name,
        `${name.split(' ')[0].toLowerCase()}@example.com | (555) 010-4477`,
        'Summary',
        `${pronoun} is a backend engineer; ${possessive} work covers TypeScript APIs on PostgreSQL.`,
        'Skills',
        'TypeScript, Node.js, PostgreSQL, Docker',
        'Experience',
        'Backend Engineer, Northwind Labs',
        'Jan 2018 - Present',
        'Built REST APIs with Node.js and Docker.',
        'Education',
        'B.Sc. Computer Science, Lakeside University, 2017',
      ].join('\n');
    const now = new Date(Date.UTC(2024, 0, 1));
    const job = backendJob();
    const a = await model.score(
      redactProfile(buildProfile(resume('Avery Quinlan', 'She', 'her'), { now })),
      job,
    );
    const b = await model.score(
      redactProfile(buildProfile(resume('Jamal Okafor', 'He', 'his'), { now })),
      job,
    );
    expect(b.features).toEqual(a.features);
    expect(b.score).toBe(a.score);
  });

  it('the redacted profile has no field for protected or contact data', () => {
    const r = redactProfile(backendPersona()) as unknown as Record<string, unknown>;
    for (const key of [
      'contact',
      'name',
      'email',
      'phone',
      'location',
      'address',
      'languages',
      'dateOfBirth',
      'gender',
      'photo',
    ]) {
      expect(r).not.toHaveProperty(key);
    }
    const edu = (r.education as Record<string, unknown>[])[0];
    expect(edu).not.toHaveProperty('year');
    expect(edu).not.toHaveProperty('institution');
    expect(JSON.stringify(r)).not.toMatch(/Avery|Quinlan|Springfield|example\.com|2016/);
  });
});
