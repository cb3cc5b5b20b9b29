/** Scoring: redacted profile × job → features → ONNX → score, label and explanation. No Nest imports. */
export type { FitLabel, JobRequirements } from './job.types';
export type {
  RedactedProfile,
  RedactedSkill,
  RedactedExperience,
  RedactedEducation,
  RedactedCertification,
} from './redacted-profile.types';
export { redactProfile } from './redact-profile';
export { redactText } from './redact-text';
export {
  computeFeatures,
  computeFeatureDetails,
  type FeatureDetails,
  type FeatureComputation,
} from './features/compute-features';
export { FEATURE_NAMES, type FeatureName } from './features/feature-names';
export type { TextStats } from './text/text-stats';
export { fitTextStats } from './text/text-stats';
export type { ScoreResult, Explanation, Contribution, Reason } from './score.types';
export { ScreeningModel, labelFor, type LoadOptions } from './model/screening-model';
export type { ModelCard } from './model/model-card.types';
export { listModelVersions, resolveModelVersion, readModelCard } from './model/model-registry';
export { loadJobFile, validateJob } from './job/job-file';
export { parseJobPosting } from './job/job-posting.parser';
export {
  compareShadow,
  type ShadowScore,
  type ShadowReport,
  type ShadowOptions,
  type GroupImpact,
} from './shadow/shadow-compare';
export {
  evaluateResumeData,
  type ResumeDataReport,
  type RankMetrics,
} from './eval/evaluate-resume-data';
export {
  evaluateCategories,
  type CategoriesReport,
  type CategoriesDetail,
} from './eval/evaluate-categories';
export { readResumeDataCsv } from './data/resume-data.reader';
export { ResumeDataMapper, mapResumeDataProfile } from './data/resume-data.mapper';
