/** Rendered mail: plain text for every client, HTML for the ones that show it. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestCounts {
  screened: number;
  strongFit: number;
  potentialFit: number;
  weakFit: number;
  needsReview: number;
  failed: number;
  topScore?: number;
}

export interface DigestContent {
  jobTitle: string;
  counts: DigestCounts;
  shortlistUrl: string;
  unsubscribeUrl: string;
}

export interface EndpointDisabledContent {
  url: string;
  endpointId: string;
  reason: 'gone' | 'failing' | 'manual';
  failures: number;
  failingSince?: Date;
  disabledAt: Date;
  apiBaseUrl: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
/** Header-safe, bounded: job titles are user input. */
const oneLine = (s: string, max = 80) => {
  const flat = s.replace(/[\r\n\t]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function digestLines(c: DigestCounts): { headline: string; lines: string[] } {
  const parts: string[] = [];
  if (c.screened)
    parts.push(
      `${plural(c.screened, 'new application')} screened, ${plural(c.strongFit, 'strong fit')}`,
    );
  if (c.needsReview)
    parts.push(
      `${plural(c.needsReview, 'application')} ${c.needsReview === 1 ? 'needs' : 'need'} review`,
    );
  if (c.failed) parts.push(`${plural(c.failed, 'application')} could not be screened`);
  const lines: string[] = [];
  if (c.screened) {
    lines.push(`${plural(c.screened, 'new application')} screened:`);
    lines.push(
      `  ${plural(c.strongFit, 'strong fit')}`,
      `  ${plural(c.potentialFit, 'potential fit')}`,
      `  ${plural(c.weakFit, 'weak fit')}`,
    );
  }
  if (c.needsReview)
    lines.push(
      `${plural(c.needsReview, 'application')} ${c.needsReview === 1 ? 'needs' : 'need'} review by a person`,
    );
  if (c.failed) lines.push(`${plural(c.failed, 'application')} could not be screened`);
  if (c.topScore !== undefined) lines.push(`Top score: ${c.topScore.toFixed(1)}`);
  return { headline: parts.join('; '), lines };
}

/** "Senior Backend Engineer: 12 new applications screened, 3 strong fits". */
export function renderDigest(d: DigestContent): RenderedMail {
  const title = oneLine(d.jobTitle);
  const { headline, lines } = digestLines(d.counts);
  const footer =
    'You receive this digest because you own this job (or administer an org whose job has no owner with e-mail).';
  const text = [
    `New results for "${title}"`,
    '',
    ...lines,
    '',
    `Open the shortlist: ${d.shortlistUrl}`,
    '',
    footer,
    `Unsubscribe from digests: ${d.unsubscribeUrl}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>New results for &ldquo;${escapeHtml(title)}&rdquo;</h2>`,
    `<ul>${lines.map((l) => `<li>${escapeHtml(l.trim())}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(d.shortlistUrl)}">Open the shortlist</a></p>`,
    `<p style="color:#666;font-size:small">${escapeHtml(footer)} `,
    `<a href="${escapeHtml(d.unsubscribeUrl)}">Unsubscribe from digests</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `${title}: ${headline}`, text, html };
}

function disabledReason(c: EndpointDisabledContent): string {
  if (c.reason === 'gone') return 'the receiver answered 410 Gone';
  if (c.reason === 'manual') return 'an administrator disabled it';
  const since = c.failingSince ? ` since ${c.failingSince.toISOString()}` : '';
  return `every delivery attempt failed${since} (${plural(c.failures, 'consecutive failure')})`;
}

/** Sent to the org's admins when an endpoint is disabled automatically. */
export function renderEndpointDisabled(c: EndpointDisabledContent): RenderedMail {
  const url = oneLine(c.url, 200);
  const why = disabledReason(c);
  const steps = [
    'Undelivered events are kept as dead-lettered deliveries:',
    `  GET ${c.apiBaseUrl}/webhooks/${c.endpointId}/deliveries?status=dead`,
    'After fixing the receiver, re-enable the endpoint and replay what it missed:',
    `  PATCH ${c.apiBaseUrl}/webhooks/${c.endpointId}  {"enabled": true}`,
    `  POST ${c.apiBaseUrl}/webhooks/deliveries/<deliveryId>/replay`,
  ];
  const text = [
    `The webhook endpoint ${url} (${c.endpointId}) was disabled at ${c.disabledAt.toISOString()}.`,
    `Reason: ${why}.`,
    '',
    ...steps,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>The webhook endpoint <code>${escapeHtml(url)}</code> (${escapeHtml(c.endpointId)}) was disabled at ${c.disabledAt.toISOString()}.</p>`,
    `<p>Reason: ${escapeHtml(why)}.</p>`,
    `<pre>${escapeHtml(steps.join('\n'))}</pre>`,
    '</body></html>',
  ].join('\n');
  return { subject: `Webhook endpoint disabled: ${url}`, text, html };
}
