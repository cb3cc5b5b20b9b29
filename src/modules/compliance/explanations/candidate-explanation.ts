/**
 * Plain-language explanations a recruiter can send to a candidate as they stand (EU AI Act
 * Art. 86, GDPR Art. 22): the main factors in second person, what the tool does and does not
 * see, and the candidate's rights. No score, label, weights, ranking or anything about other
 * candidates; reason sentences that mention such things are dropped.
 */
export type ExplanationState = 'scored' | 'opted_out' | 'manual_review';

export interface CandidateExplanation {
  audience: 'candidate';
  applicationId: string;
  jobTitle: string;
  automatedAssessment: boolean;
  strengths: string[];
  gaps: string[];
  /** The whole message, ready to send. */
  text: string;
}

interface Reason {
  text: string;
  impact: 'positive' | 'negative';
}

const REWRITES: [RegExp, string][] = [
  [/^Has (\d+) of (\d+) required skills/, 'Your resume shows $1 of the $2 required skills'],
  [/^Has (\d+) of (\d+) preferred skills/, 'Your resume shows $1 of the $2 preferred skills'],
  [/^No role closely related to the job;/, 'None of your roles is closely related to this job;'],
  [/^(\d+(?:\.\d+)? years?) of relevant experience/, 'You have $1 of relevant experience'],
  [/^Held a similar title:/, 'You held a similar job title:'],
  [/^No previous title resembles/, 'None of your previous job titles resembles'],
  [/^Resume wording overlaps (\w+) with/, 'The wording of your resume overlaps $1 with'],
  [/^No degree found/, 'Education: no degree was found in your resume'],
  [/^(.+ degree) \(/, 'Education: $1 ('],
  [
    /^(\d+) certification\(s\) related to the job/,
    'You list $1 certification(s) related to the job',
  ],
  [/^No certification related to the job$/, 'No certification related to the job was found'],
  [
    /^Summary describes an early-career profile; lists/,
    'Your summary describes an early-career profile; it lists',
  ],
  [/^Lists (\d+) skills across/, 'Your resume lists $1 skills across'],
];

// Anything internal or comparative has no place in a letter to a candidate.
const INTERNAL =
  /\b(score[sd]?|points?|weights?|contribution|rank(ed|ing)?|percentile|median|other (candidates|applicants)|model|feature)\b/i;

export function toSecondPerson(text: string): string {
  for (const [pattern, replacement] of REWRITES)
    if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}

function reasonsOf(explanation: unknown): Reason[] {
  const raw = (explanation as { reasons?: unknown } | null | undefined)?.reasons;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (r): r is Reason =>
        typeof r?.text === 'string' && (r.impact === 'positive' || r.impact === 'negative'),
    )
    .filter((r) => !INTERNAL.test(r.text));
}

const HOW = [
  'Your application was first assessed with the help of an automated screening tool. A person reviews every application and makes every decision; the tool never rejects anyone on its own.',
  'The tool reads only the job-related parts of your resume: skills, experience, education and certifications. It does not see your name, contact details, photo, age, gender, ethnicity or address, and it never uses any demographic information you may have provided.',
];

const RIGHTS =
  'You may ask for a person to look at your application again, for a copy of the personal data we hold about you, or for its deletion. To do so, reply to this message.';

export function candidateExplanation(
  applicationId: string,
  jobTitle: string,
  state: ExplanationState,
  explanation?: unknown,
): CandidateExplanation {
  const reasons = state === 'scored' ? reasonsOf(explanation) : [];
  const strengths = reasons
    .filter((r) => r.impact === 'positive')
    .map((r) => toSecondPerson(r.text));
  const gaps = reasons.filter((r) => r.impact === 'negative').map((r) => toSecondPerson(r.text));
  const parts = [`Thank you for applying for the position of ${jobTitle}.`];
  if (state === 'scored') {
    parts.push(...HOW);
    if (strengths.length)
      parts.push(['What counted in your favour:', ...strengths.map((s) => `- ${s}.`)].join('\n'));
    if (gaps.length)
      parts.push(['What counted less for this role:', ...gaps.map((s) => `- ${s}.`)].join('\n'));
  } else if (state === 'opted_out') {
    parts.push(
      'As you asked, your application was not assessed by our automated screening tool. A person reviews it instead.',
    );
  } else {
    parts.push(
      'Your application was not assessed by our automated screening tool; a person reviews it instead.',
    );
  }
  parts.push(RIGHTS);
  return {
    audience: 'candidate',
    applicationId,
    jobTitle,
    automatedAssessment: state === 'scored',
    strengths,
    gaps,
    text: parts.join('\n\n'),
  };
}
