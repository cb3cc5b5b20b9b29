import { FEATURE_INDEX, FEATURE_NAMES } from '../features/feature-names';
import { computeFeatures } from '../features/compute-features';
import { ScreeningModel } from '../model/screening-model';
import { redactProfile } from '../redact-profile';
import { backendJob, backendPersona } from '../testing/fictional-profiles';

describe('explanations', () => {
  let model: ScreeningModel;
  beforeAll(async () => {
    model = await ScreeningModel.load({ version: '1.0.0' });
  });

  it('is faithful: neutralising the top positive factor lowers the score by its contribution', async () => {
    const job = backendJob();
    const profile = redactProfile(backendPersona());
    const r = await model.score(profile, job);
    const top = r.explanation.contributions.find((c) => c.contribution > 0);
    expect(top).toBeDefined();
    const x = computeFeatures(profile, job, model.stats);
    const k = FEATURE_INDEX[top!.feature as keyof typeof FEATURE_INDEX];
    x[k] = model.card.baseline[k];
    const { probability } = await model.predict([x]);
    const neutralised = 100 * probability[0];
    expect(neutralised).toBeLessThan(r.score);
    expect(r.score - neutralised).toBeCloseTo(top!.contribution, 1);
  });

  it('removing the matched required skills from the resume lowers the score', async () => {
    const job = backendJob();
    const full = await model.score(redactProfile(backendPersona()), job);
    const without = await model.score(
      redactProfile(
        backendPersona({
          skills: ['Excel', 'Word'],
          stack: ['Excel', 'Word', 'Outlook', 'PowerPoint', 'Teams'],
        }),
      ),
      job,
    );
    expect(without.score).toBeLessThan(full.score);
  });

  it('reports the reference score and sorts contributions by magnitude', async () => {
    const r = await model.score(redactProfile(backendPersona()), backendJob());
    const { probability } = await model.predict([Float32Array.from(model.card.baseline)]);
    expect(r.explanation.baseline).toBeCloseTo(100 * probability[0], 2);
    const mags = r.explanation.contributions.map((c) => Math.abs(c.contribution));
    expect(mags).toEqual([...mags].sort((a, b) => b - a));
    expect(
      r.explanation.contributions.every((c) => FEATURE_NAMES.includes(c.feature as never)),
    ).toBe(true);
  });

  it('renders reasons as sentences whose impact matches the sign of the contributions, with evidence', async () => {
    const source = backendPersona();
    const r = await model.score(redactProfile(source), backendJob());
    const skills = r.explanation.reasons.find((x) =>
      x.text.startsWith('Has 4 of 5 required skills'),
    );
    expect(skills?.text).toBe('Has 4 of 5 required skills; missing: Kubernetes');
    expect(skills?.evidence?.map((s) => source.text.slice(s.start, s.end))).toEqual(
      expect.arrayContaining(['TypeScript', 'Node.js', 'PostgreSQL', 'Docker']),
    );
    for (const reason of r.explanation.reasons)
      expect(['positive', 'negative']).toContain(reason.impact);
  });
});
