import { buildProfile } from '../../libs/parsing';
import { redactProfile, ScreeningModel } from '../../libs/scoring';
import {
  COUNTERFACTUAL_KINDS,
  CounterfactualPair,
  generateCounterfactualPairs,
} from './counterfactual-generator';

/**
 * Blind screening, checked end to end: each generated resume goes through the real parser,
 * redaction and the shipped ONNX model. Both resumes of every pair must get the same score.
 * The flip rate published in the README (Compliance) is what this spec measures.
 */
const PAIRS = 600;
const NOW = new Date('2025-06-01T00:00:00Z');
const BATCH = 50;

const changedLines = (p: CounterfactualPair) => {
  const a = p.a.split('\n');
  const b = p.b.split('\n');
  return a.map((line, i) => (line === b[i] ? -1 : i)).filter((i) => i >= 0);
};

describe('counterfactual fairness set', () => {
  const pairs = generateCounterfactualPairs(PAIRS);

  describe('the generated set', () => {
    it(`has ${PAIRS} pairs, ${PAIRS / COUNTERFACTUAL_KINDS.length} of each kind, all distinct`, () => {
      expect(pairs).toHaveLength(PAIRS);
      for (const kind of COUNTERFACTUAL_KINDS)
        expect(pairs.filter((p) => p.kind === kind)).toHaveLength(
          PAIRS / COUNTERFACTUAL_KINDS.length,
        );
      expect(new Set(pairs.map((p) => p.a)).size).toBeGreaterThan(PAIRS * 0.95);
      for (const p of pairs) expect(p.a).not.toBe(p.b);
    });

    it('changes only the lines that carry the attribute of each kind', () => {
      // Line numbers of the template: 0 name, 2 contacts, 3 pronouns, 6 summary, 12–13 and 17
      // experience bullets with pronouns or gendered words, 20 education, 26 activities.
      const allowed: Record<string, number[]> = {
        name: [0, 2],
        pronouns: [3, 6, 12, 13],
        gendered_terms: [12, 17, 26],
        graduation_year: [20],
        address: [2],
      };
      for (const p of pairs) {
        const changed = changedLines(p);
        if (p.kind === 'all') expect(changed).toEqual(expect.arrayContaining([0, 2, 20]));
        else for (const line of changed) expect(allowed[p.kind]).toContain(line);
      }
    });

    it('is the same set on every run', () => {
      expect(generateCounterfactualPairs(12)).toEqual(pairs.slice(0, 12));
    });
  });

  it('gives both resumes of every pair the same score with the shipped model (flip rate 0)', async () => {
    const model = await ScreeningModel.load();
    const flips: string[] = [];
    const flipsByKind: Record<string, number> = {};
    let labelFlips = 0;
    for (let i = 0; i < pairs.length; i += BATCH) {
      const batch = pairs.slice(i, i + BATCH);
      const items = batch.flatMap((p) =>
        [p.a, p.b].map((text) => ({
          profile: redactProfile(buildProfile(text, { now: NOW })),
          job: p.job,
        })),
      );
      const scored = await model.scoreBatch(items);
      batch.forEach((p, k) => {
        const [a, b] = [scored[2 * k], scored[2 * k + 1]];
        if (a.score !== b.score) {
          flips.push(`${p.id}: ${a.score} vs ${b.score}`);
          flipsByKind[p.kind] = (flipsByKind[p.kind] ?? 0) + 1;
        }
        if (a.label !== b.label) labelFlips++;
      });
    }
    expect({
      pairs: pairs.length,
      flipRate: flips.length / pairs.length,
      labelFlips,
      flipsByKind,
      firstFlips: flips.slice(0, 10),
    }).toEqual({
      pairs: PAIRS,
      flipRate: 0,
      labelFlips: 0,
      flipsByKind: {},
      firstFlips: [],
    });
  });
});
