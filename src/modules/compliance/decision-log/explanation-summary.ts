import type { ReasonSummary } from './decision-chain';

const MAX_REASONS = 5;
const MAX_CONTRIBUTIONS = 5;

/**
 * What the decision log keeps of a stored explanation: the top reasons (sentences shown to the
 * recruiter) and the top feature contributions in score points. Tolerates explanations of older
 * model versions by reading only the fields it knows.
 */
export function summarizeExplanation(explanation: unknown): {
  explanation: ReasonSummary[] | null;
  contributions: { feature: string; points: number }[];
} {
  const e = (explanation ?? {}) as { reasons?: unknown; contributions?: unknown };
  const reasons = Array.isArray(e.reasons) ? e.reasons : [];
  const contributions = Array.isArray(e.contributions) ? e.contributions : [];
  const summary = reasons
    .filter((r): r is { text: string; impact?: string } => typeof r?.text === 'string')
    .slice(0, MAX_REASONS)
    .map((r): ReasonSummary => ({
      text: r.text,
      impact: r.impact === 'negative' ? 'negative' : 'positive',
    }));
  return {
    explanation: summary.length ? summary : null,
    contributions: contributions
      .filter(
        (c): c is { feature: string; contribution: number } =>
          typeof c?.feature === 'string' && Number.isFinite(c?.contribution),
      )
      .slice(0, MAX_CONTRIBUTIONS)
      .map((c) => ({ feature: c.feature, points: Math.round(c.contribution * 1000) / 1000 })),
  };
}
