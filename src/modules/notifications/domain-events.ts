/**
 * Events the product emits to portals (webhooks) and people (e-mail digests). Producers call
 * `EventPublisher.publish`; the notifications module owns delivery. `data` carries ids, score,
 * label and links only: never resume text, and no PII beyond what the event needs.
 */
export const EVENT_TYPES = [
  'application.screened',
  'application.needs_review',
  'application.failed',
  'decision.recorded',
  'job.closed',
  'candidate.erased',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  type: EventType;
  orgId: string;
  /** Stable per logical event (e.g. `application.screened:<appId>:r<rev>:<model>`), used as the CloudEvents id. */
  id: string;
  time: Date;
  /** The resource path the event is about, e.g. `/applications/<id>`. */
  subject: string;
  data: Record<string, unknown>;
}
