import { renderDigest, renderEndpointDisabled } from './email.templates';

const counts = {
  screened: 12,
  strongFit: 3,
  potentialFit: 5,
  weakFit: 4,
  needsReview: 0,
  failed: 0,
  topScore: 91.24,
};
const links = {
  shortlistUrl: 'https://api.example.com/jobs/j1/applications',
  unsubscribeUrl: 'https://api.example.com/notifications/unsubscribe/tok',
};

describe(renderDigest.name, () => {
  it('summarises the batch in the subject', () => {
    const mail = renderDigest({ jobTitle: 'Senior Backend Engineer', counts, ...links });
    expect(mail.subject).toBe(
      'Senior Backend Engineer: 12 new applications screened, 3 strong fits',
    );
  });

  it('uses singular forms and mentions review and failures', () => {
    const mail = renderDigest({
      jobTitle: 'Data Analyst',
      counts: { screened: 1, strongFit: 1, potentialFit: 0, weakFit: 0, needsReview: 1, failed: 2 },
      ...links,
    });
    expect(mail.subject).toBe(
      'Data Analyst: 1 new application screened, 1 strong fit; 1 application needs review; 2 applications could not be screened',
    );
    expect(mail.text).not.toContain('Top score');
  });

  it('has a plain-text part with counts, the shortlist link and the unsubscribe link', () => {
    const { text } = renderDigest({ jobTitle: 'Engineer', counts, ...links });
    for (const s of [
      '3 strong fits',
      '5 potential fits',
      '4 weak fits',
      'Top score: 91.2',
      links.shortlistUrl,
      links.unsubscribeUrl,
    ]) {
      expect(text).toContain(s);
    }
  });

  it('escapes the job title in HTML and keeps the subject on one line', () => {
    const mail = renderDigest({
      jobTitle: '<script>x</script>\r\nBcc: evil@example.com',
      counts,
      ...links,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain(`href="${links.unsubscribeUrl}"`);
  });
});

describe(renderEndpointDisabled.name, () => {
  it('explains why and how to recover', () => {
    const mail = renderEndpointDisabled({
      url: 'https://portal.example.com/hooks',
      endpointId: 'ep1',
      reason: 'failing',
      failures: 12,
      failingSince: new Date('2026-01-01T00:00:00Z'),
      disabledAt: new Date('2026-01-02T00:00:00Z'),
      apiBaseUrl: 'https://api.example.com',
    });
    expect(mail.subject).toBe('Webhook endpoint disabled: https://portal.example.com/hooks');
    expect(mail.text).toContain('12 consecutive failures');
    expect(mail.text).toContain('PATCH https://api.example.com/webhooks/ep1');
    expect(mail.html).toContain('/webhooks/deliveries/&lt;deliveryId&gt;/replay');
  });

  it('names a 410 as the reason', () => {
    const mail = renderEndpointDisabled({
      url: 'https://x.example.com',
      endpointId: 'e',
      reason: 'gone',
      failures: 1,
      disabledAt: new Date(),
      apiBaseUrl: 'https://a',
    });
    expect(mail.text).toContain('410 Gone');
  });
});
