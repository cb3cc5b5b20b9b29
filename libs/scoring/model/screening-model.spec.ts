import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelsDir } from '../../common/paths';
import { FEATURE_NAMES } from '../features/feature-names';
import { redactProfile } from '../redact-profile';
import { backendJob, backendPersona } from '../testing/fictional-profiles';
import { listModelVersions } from './model-registry';
import { labelFor, ScreeningModel } from './screening-model';

describe(ScreeningModel.name, () => {
  let model: ScreeningModel;
  beforeAll(async () => {
    model = await ScreeningModel.load({ version: '1.0.0' });
  });

  it('loads the shipped model with its card, checksum and the feature list this code computes', () => {
    expect(model.version).toBe('1.0.0');
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.card.features).toEqual([...FEATURE_NAMES]);
    expect(model.card.baseline).toHaveLength(FEATURE_NAMES.length);
    expect(listModelVersions(modelsDir())).toContain('1.0.0');
  });

  it('was trained with the current skills taxonomy (else retrain: models/training/run.sh)', () => {
    expect(model.card.taxonomy?.file).toBe('libs/taxonomy/data/skills.json');
    expect(model.taxonomyMatches).toBe(true);
  });

  it('runs the ONNX session: calibrated probabilities in [0, 1] for a batch', async () => {
    const { probability, expected } = await model.predict([
      new Float32Array(FEATURE_NAMES.length),
      Float32Array.from(model.card.baseline),
    ]);
    expect(probability).toHaveLength(2);
    for (const p of [...probability, ...expected]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('scores a profile: 0..100, a label from the thresholds, the model version and sha', async () => {
    const r = await model.score(redactProfile(backendPersona()), backendJob());
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.label).toBe(labelFor(r.score, model.card.thresholds));
    expect(r.modelVersion).toBe('1.0.0');
    expect(r.modelSha256).toBe(model.sha256);
    expect(Object.keys(r.features)).toEqual([...FEATURE_NAMES]);
  });

  it('gives the same results batched and one at a time', async () => {
    const job = backendJob();
    const a = redactProfile(backendPersona());
    const b = redactProfile(backendPersona({ skills: ['Excel'], years: 1 }));
    const batch = await model.scoreBatch([
      { profile: a, job },
      { profile: b, job },
    ]);
    expect(batch[0].score).toBeCloseTo((await model.score(a, job)).score, 4);
    expect(batch[1].score).toBeCloseTo((await model.score(b, job)).score, 4);
    expect(batch[0].score).toBeGreaterThan(batch[1].score);
  });

  it('uses per-job thresholds when the job sets them', async () => {
    const profile = redactProfile(backendPersona());
    const r = await model.score(profile, {
      ...backendJob(),
      thresholds: { strongFit: 0, potentialFit: 0 },
    });
    expect(r.label).toBe('strong_fit');
    const w = await model.score(profile, {
      ...backendJob(),
      thresholds: { strongFit: 101, potentialFit: 101 },
    });
    expect(w.label).toBe('weak_fit');
  });

  it('refuses a model file whose sha256 does not match its card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-'));
    for (const f of ['screening-1.0.0.json', 'screening-1.0.0.stats.json'])
      copyFileSync(join(modelsDir(), f), join(dir, f));
    const bytes = readFileSync(join(modelsDir(), 'screening-1.0.0.onnx'));
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(join(dir, 'screening-1.0.0.onnx'), bytes);
    await expect(ScreeningModel.load({ modelsDir: dir })).rejects.toMatchObject({
      code: 'MODEL.CHECKSUM_MISMATCH',
    });
  });

  it('reports a missing model with a stable code', async () => {
    await expect(
      ScreeningModel.load({ modelsDir: mkdtempSync(join(tmpdir(), 'empty-')) }),
    ).rejects.toMatchObject({ code: 'MODEL.NOT_FOUND' });
  });
});
