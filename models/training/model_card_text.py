"""Prose that goes into the model card."""

DATA_DESCRIPTION = {
    'dataset': 'resume_data.csv (Kaggle "Resume Dataset" by Saugata Roy Arghya, via the GitHub repository '
               'kushalTN/Smart-Resume-Ranker-Resume-Matching-Ranking-System): 6,542 (resume, job) pairs, '
               '275 resumes x 24 job postings, label matched_score in [0, 1].',
    'licence': 'Unverified. The source repository states no licence; third parties describe the Kaggle original '
               'as CC BY-NC 4.0. Treat this model as trained on non-commercial research data until the licence '
               'is checked; do not ship it in a commercial product before then.',
    'preprocessing': 'Structured resume columns mapped to the Profile type (libs/scoring/data/resume-data.mapper.ts), '
                     'then redacted (redactProfile). The resume-side `responsibilities` column is dropped (it is a copy '
                     'of the job column and leaks the label); `age_requirement` is never read. TF-IDF statistics are '
                     'fitted on the training resumes and jobs (label-free) and shipped as the .stats.json file.',
}

LIMITATIONS = [
    'The label is a noisy, coarse score (about half of it on a 0.05 grid) of unknown provenance; a job-mean '
    'baseline explains ~25% of its variance and resume+job additive effects ~48%. Expect modest ranking quality.',
    'Trained on 24 job postings (mostly IT, some engineering, finance, HR and marketing, South Asian job boards) '
    'and 275 resumes (Indian IT resumes and anonymised US LiveCareer resumes). Other domains, regions and '
    'languages are out of distribution.',
    'The resume side of the training data is structured (pre-parsed); uploaded resumes go through the parser, '
    'whose errors (missed skills, wrong dates) propagate to the features.',
    'Years of experience is a legitimate requirement but correlates with age; the model sees only durations, '
    'never dates of birth, graduation years or calendar years.',
    'Explanations are occlusion contributions (each feature replaced by its training median, one at a time); '
    'they are faithful to this model but do not sum exactly to the score for a tree ensemble.',
    'Scores are calibrated on pooled out-of-fold data; per-job base rates differ, so set per-job thresholds '
    'when a posting is unusually demanding or lenient.',
    'Not a decision: a recruiter reviews every ranking; use the adverse-impact report before relying on labels.',
]

FEATURE_DOCS = {
    'required_skill_coverage': 'IDF-weighted share of required skills the resume has (taxonomy canonical match or all words present)',
    'required_skill_token_coverage': 'IDF-weighted share of the words of required skills found in the resume',
    'required_skills_missing': 'count of required skills not found (capped at 15)',
    'preferred_skill_coverage': 'IDF-weighted share of preferred skills the resume has',
    'skill_category_similarity': 'cosine of the taxonomy-category histograms of resume and job skills',
    'skill_category_overlap': 'share of the job category histogram covered by the resume (histogram intersection)',
    'specific_category_similarity': 'category cosine without the generic soft-skills and office-productivity categories',
    'dominant_category_match': '1 when the most frequent specific category is the same on both sides',
    'soft_category_similarity': 'soft cosine of category histograms, with category relatedness learned from co-occurrence on training resumes',
    'text_cosine': 'TF-IDF cosine of the redacted resume text and the job text',
    'text_bm25': 'BM25 of the resume against the job text, divided by its upper bound',
    'skills_text_cosine': 'TF-IDF cosine of the resume skill names and the job text',
    'summary_cosine': 'TF-IDF cosine of the headline and summary and the job text',
    'experience_cosine': 'TF-IDF cosine of the experience titles and descriptions and the job text',
    'title_similarity': 'best TF-IDF cosine between a resume title (headline or role) and the job title',
    'latest_title_similarity': 'TF-IDF cosine between the most recent role title and the job title',
    'relevant_experience_years': 'years in roles whose title or text resembles the job',
    'relevant_experience_gap': 'relevant years minus the required minimum (0 when the job states none)',
    'total_experience_years': 'years of experience, overlapping roles merged',
    'total_experience_gap': 'total years minus the required minimum (0 when the job states none)',
    'relevant_recency_months': 'months since the most recent relevant role ended (0 = current, 121 = none)',
    'seniority_peak': 'highest title seniority 0..5 (intern .. director)',
    'seniority_gap': 'seniority peak minus the seniority of the job title',
    'education_rank': 'highest degree 0..5 (none .. doctorate)',
    'education_gap': 'highest degree minus the required one (0 when the job states none)',
    'education_field_similarity': 'best TF-IDF cosine of a degree and field and the job text',
    'certification_matches': 'certifications whose text resembles the job',
    'position_count': 'number of roles',
    'skill_count': 'number of distinct skills',
    'summary_length': 'tokens in headline and summary',
    'entry_level_terms': 'entry-level phrases in the summary (fresher, student, seeking, ...)',
}
