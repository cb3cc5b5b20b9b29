export const ROLES = ['admin', 'recruiter', 'hiring_manager', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * The role matrix: which roles may call each class of endpoint. This table is the single
 * source of truth; controllers use `@Access('<class>')`, the README shows the same table, and
 * test/auth/role-matrix.e2e-spec.ts checks every cell against a hand-written copy.
 * Unlisted roles get 403. `admin` manages the org's integration, not hiring data.
 */
export const ENDPOINT_ACCESS = {
  /** Service clients, SSO settings, webhooks, models, retention. */
  'org.admin': ['admin'],
  /** The caller's own identity and org. */
  self: ['admin', 'recruiter', 'hiring_manager', 'auditor', 'service'],
  'jobs.read': ['recruiter', 'service', 'hiring_manager'],
  'jobs.write': ['recruiter', 'service'],
  'resumes.upload': ['recruiter', 'service'],
  /** Full (non-blind) applications, scores and explanations. */
  'applications.read': ['recruiter', 'service'],
  /** Ranked shortlist in the blind (redacted) view. */
  'shortlist.read': ['recruiter', 'service', 'hiring_manager'],
  'decisions.write': ['recruiter', 'service', 'hiring_manager'],
  'audit.read': ['auditor'],
  'reports.read': ['auditor'],
  /** Voluntary self-identification (sex, race/ethnicity); never recruiters or hiring managers. */
  'demographics.read': ['auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type EndpointClass = keyof typeof ENDPOINT_ACCESS;
export const ENDPOINT_CLASSES = Object.keys(ENDPOINT_ACCESS) as EndpointClass[];

/** Roles an SSO user may receive; `service` is reserved for machine clients. */
export const USER_ROLES = ['admin', 'recruiter', 'hiring_manager', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];
