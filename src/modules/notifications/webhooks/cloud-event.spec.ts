import { applicationEvent } from '../application-events';
import { toCloudEvent } from './cloud-event';

describe(toCloudEvent.name, () => {
  const event = applicationEvent(
    'application.screened',
    { _id: '665f00000000000000000001' as never, orgId: 'org1', jobId: 'job1', resumeId: 'res1' },
    { score: 81.5, label: 'strong_fit', modelVersion: 'v3', jobRevision: 2 },
  );

  it('carries the CloudEvents 1.0 required and used attributes', () => {
    const ce = toCloudEvent(event, 'https://api.example.com/');
    expect(ce).toMatchObject({
      specversion: '1.0',
      id: event.id,
      source: 'https://api.example.com/orgs/org1',
      type: 'application.screened',
      subject: '/applications/665f00000000000000000001',
      time: event.time.toISOString(),
      datacontenttype: 'application/json',
    });
    expect(ce.data).toMatchObject({
      applicationId: '665f00000000000000000001',
      score: 81.5,
      label: 'strong_fit',
    });
  });

  it('makes relative links absolute and leaves the event itself untouched', () => {
    const ce = toCloudEvent(event, 'https://api.example.com');
    expect(ce.data.links).toEqual({
      application: 'https://api.example.com/applications/665f00000000000000000001',
      shortlist: 'https://api.example.com/jobs/job1/applications',
    });
    expect((event.data.links as Record<string, string>).application).toBe(
      '/applications/665f00000000000000000001',
    );
  });
});
