/**
 * The model's input, in order. This list is the contract with the ONNX file: the model card
 * stores it and `ScreeningModel.load` refuses a model whose list differs.
 */
export const FEATURE_NAMES = [
  // Job-level features (required years, degree, skill count as such) were tried and dropped: they
  // are constant within a job, so a ranker cannot use them, and they did not improve pooled AUC.
  // job ↔ resume skills
  'required_skill_coverage',
  'required_skill_token_coverage',
  'required_skills_missing',
  'preferred_skill_coverage',
  'skill_category_similarity',
  'skill_category_overlap',
  'specific_category_similarity',
  'dominant_category_match',
  'soft_category_similarity',
  // job ↔ resume text
  'text_cosine',
  'text_bm25',
  'skills_text_cosine',
  'summary_cosine',
  'experience_cosine',
  'title_similarity',
  'latest_title_similarity',
  // experience
  'relevant_experience_years',
  'relevant_experience_gap',
  'total_experience_years',
  'total_experience_gap',
  'relevant_recency_months',
  'seniority_peak',
  'seniority_gap',
  // education and certifications
  'education_rank',
  'education_gap',
  'education_field_similarity',
  'certification_matches',
  // resume breadth
  'position_count',
  'skill_count',
  'summary_length',
  'entry_level_terms',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((n, i) => [n, i]),
) as Record<FeatureName, number>;
