import type { ApplicationRecord } from '../applications/application.repository';
import type { DomainEvent, EventType } from './domain-events';

/** The event a status change of an application emits; ids are stable so re-emits de-duplicate. */
export function applicationEvent(
  type: Extract<
    EventType,
    'application.screened' | 'application.needs_review' | 'application.failed'
  >,
  app: Pick<ApplicationRecord, '_id' | 'orgId' | 'jobId' | 'resumeId'>,
  extra: {
    score?: number;
    label?: string;
    modelVersion?: string;
    jobRevision?: number;
    reason?: string;
  } = {},
): DomainEvent {
  const id = String(app._id);
  const version =
    type === 'application.screened'
      ? `:r${extra.jobRevision}:${extra.modelVersion}`
      : `:${Date.now()}`;
  return {
    type,
    orgId: app.orgId,
    id: `${type}:${id}${version}`,
    time: new Date(),
    subject: `/applications/${id}`,
    data: {
      applicationId: id,
      jobId: app.jobId,
      resumeId: app.resumeId,
      ...extra,
      links: { application: `/applications/${id}`, shortlist: `/jobs/${app.jobId}/applications` },
    },
  };
}
