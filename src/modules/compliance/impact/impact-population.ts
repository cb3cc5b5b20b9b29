import {
  aboveMedian,
  ApplicantOutcome,
  raceCategoryOf,
  RaceAnswer,
  SexAnswer,
  sexCategoryOf,
  UNKNOWN,
} from '../../../../libs/fairness';

export type ImpactStage = 'screen' | 'advance';
/** screen only: `label` = rate of strong_fit; `median` = LL144 scoring rate (score above the median). */
export type ScreenBasis = 'label' | 'median';

/** One application (or erased remnant) as the report reads it. */
export interface OutcomeRow {
  applicationId: string;
  score: number | null;
  label: string | null;
  modelVersion: string | null;
  decision: string | null;
}

export interface Answers {
  sex: SexAnswer;
  raceEthnicity: RaceAnswer[];
}

export interface Population {
  outcomes: ApplicantOutcome[];
  /** The median score when basis is `median`. */
  median: number | null;
  /** Rows outside the stage: not scored (opted out, unparseable, in progress) or not decided yet. */
  excluded: number;
  modelVersions: string[];
}

/**
 * Who counts at a stage and whether they were selected:
 * - screen: every scored application; selected = labelled strong_fit, or scored above the median;
 * - advance: every application with a human decision; selected = the latest decision is advance.
 * Demographics come from voluntary self-identification; none (or an erased candidate) is unknown.
 */
export function populationFor(
  rows: readonly OutcomeRow[],
  stage: ImpactStage,
  basis: ScreenBasis,
  answers: ReadonlyMap<string, Answers>,
): Population {
  const inStage = rows.filter((r) =>
    stage === 'screen' ? r.score !== null && Number.isFinite(r.score) : r.decision !== null,
  );
  let selected: boolean[];
  let median: number | null = null;
  if (stage === 'advance') selected = inStage.map((r) => r.decision === 'advance');
  else if (basis === 'median')
    ({ median, above: selected } = aboveMedian(inStage.map((r) => r.score as number)));
  else selected = inStage.map((r) => r.label === 'strong_fit');
  const outcomes = inStage.map((r, i): ApplicantOutcome => {
    const a = answers.get(r.applicationId);
    return {
      sex: a ? sexCategoryOf(a.sex) : UNKNOWN,
      race: a ? raceCategoryOf(a.raceEthnicity) : UNKNOWN,
      selected: selected[i],
    };
  });
  const versions = new Set(inStage.map((r) => r.modelVersion).filter((v): v is string => !!v));
  return {
    outcomes,
    median,
    excluded: rows.length - inStage.length,
    modelVersions: [...versions].sort(),
  };
}

export function selectionMeaning(
  stage: ImpactStage,
  basis: ScreenBasis,
  median: number | null,
): string {
  if (stage === 'advance') return 'a person decided to advance the application';
  if (basis === 'median')
    return `the screening model scored the application above the median score of the sample (${median ?? 'n/a'})`;
  return 'the screening model labelled the application strong_fit';
}
