import type { DomainEvent, EventType } from '../domain-events';

/** A CloudEvents 1.0 event in JSON structured mode, exactly as POSTed to receivers. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: EventType;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Relative `links` become absolute so receivers can follow them without knowing our base URL. */
function absoluteLinks(data: Record<string, unknown>, base: string): Record<string, unknown> {
  const links = data.links;
  if (!links || typeof links !== 'object') return data;
  const absolute = Object.fromEntries(
    Object.entries(links as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' && v.startsWith('/') ? base + v : v,
    ]),
  );
  return { ...data, links: absolute };
}

/**
 * `source` names the org that emitted the event, so `source` + `id` is unique as CloudEvents
 * requires; `id` is the producer's stable event id, identical on every retry and replay.
 */
export function toCloudEvent(event: DomainEvent, publicBaseUrl: string): CloudEvent {
  const base = trimSlash(publicBaseUrl);
  return {
    specversion: '1.0',
    id: event.id,
    source: `${base}/orgs/${event.orgId}`,
    type: event.type,
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    data: absoluteLinks(event.data, base),
  };
}
