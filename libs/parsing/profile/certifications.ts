import type { CertificationEntry, Section } from '../profile.types';
import { findDates } from './dates';
import { isBulletLine, type Line } from './lines';

/**
 * Certifications: every short line of a certifications section, plus "… Certified …" /
 * "… Certification" lines in skills, summary and header sections. The issuer is a known
 * certifying body named in the line, or the text after " - ", " by " or ", ".
 */
const ISSUERS: [RegExp, string][] = [
  [/\b(?:AWS|Amazon Web Services)\b/i, 'Amazon Web Services'],
  [/\b(?:Microsoft|Azure|MCSE|MCSA|MCP)\b/, 'Microsoft'],
  [/\b(?:Google Cloud|GCP|Google)\b/, 'Google'],
  [/\b(?:Cisco|CCNA|CCNP|CCIE)\b/, 'Cisco'],
  [/\b(?:CompTIA|Security\+|Network\+|A\+)/, 'CompTIA'],
  [/\b(?:PMI|PMP|CAPM|PMI-ACP)\b/, 'Project Management Institute'],
  [/\bOracle\b/, 'Oracle'],
  [/\bSalesforce\b/, 'Salesforce'],
  [/\(ISC\)²|\bISC2\b|\bCISSP\b/, '(ISC)²'],
  [/\b(?:ISACA|CISA|CISM|CRISC)\b/, 'ISACA'],
  [/\bScrum Alliance\b|\bCSM\b/, 'Scrum Alliance'],
  [/\bScrum\.org\b|\bPSM\b/, 'Scrum.org'],
  [/\bRed Hat\b|\bRHCE\b|\bRHCSA\b/, 'Red Hat'],
  [/\b(?:Linux Foundation|CKA|CKAD|CKS)\b/, 'The Linux Foundation'],
  [/\bHashiCorp\b/, 'HashiCorp'],
  [/\bAXELOS\b|\bITIL\b|\bPRINCE2\b/, 'AXELOS'],
  [/\bAICPA\b|\bCPA\b/, 'AICPA'],
  [/\bCFA Institute\b|\bCFA\b/, 'CFA Institute'],
  [/\bSHRM\b/, 'SHRM'],
  [/\bHRCI\b|\bPHR\b|\bSPHR\b/, 'HRCI'],
  [/\bServSafe\b/, 'National Restaurant Association'],
  [/\b(?:American Heart Association|AHA)\b|\b(?:BLS|ACLS|PALS)\b/, 'American Heart Association'],
  [/\bRed Cross\b/, 'American Red Cross'],
  [/\bCoursera\b/, 'Coursera'],
  [/\bUdemy\b/, 'Udemy'],
];

const CERT_WORD =
  /\b(?:certified|certification|certificate|certificación|license|licensed|accredited)\b/i;
const ELSEWHERE = new Set(['skills', 'summary', 'header', 'other']);

export function extractCertifications(lines: Line[], sections: Section[]): CertificationEntry[] {
  const out: CertificationEntry[] = [];
  for (const s of sections) {
    const inSection = s.name === 'certifications';
    if (!inSection && !ELSEWHERE.has(s.name)) continue;
    const inside = lines.filter(
      (l) => l.start >= s.span.start && l.end <= s.span.end && l.text.trim(),
    );
    for (const l of inside) {
      if (l.start === s.span.start && !inSection) continue;
      if (l.start === s.span.start && inSection && !/:\s*\S/.test(l.text)) continue;
      const entry = inSection
        ? certFromLine(l, true)
        : CERT_WORD.test(l.text)
          ? certFromLine(l, false)
          : null;
      if (entry) out.push(entry);
    }
  }
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.name.toLowerCase()) && seen.add(c.name.toLowerCase()));
}

function certFromLine(l: Line, inSection: boolean): CertificationEntry | null {
  const body = l.text.replace(/^.*?:\s*(?=\S)/, (p) =>
    /^(certifications?|licenses?|certificates?)\s*:\s*$/i.test(p) ? '' : p,
  );
  const text = body.replace(/^[•*\-\s]+/, '').trim();
  if (text.length < 3 || text.length > (inSection ? 150 : 100)) return null;
  if (!inSection && !isBulletLine(l.text) && /[.]\s*$/.test(text)) return null;
  const dates = findDates(text);
  const year = dates.length ? Math.max(...dates.map((d) => d.date.year)) : undefined;
  const name = text
    .replace(
      /\(?\b(?:issued|obtained|completed|earned)?\s*(?:in\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d{2}\)?/gi,
      '',
    )
    .replace(/\s+[-–—|,]\s*$/, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  if (name.length < 3) return null;
  const issuer =
    ISSUERS.find(([re]) => re.test(text))?.[1] ??
    /\s(?:by|from|[-–—,])\s+([\p{Lu}][\p{L}&.() ]{2,50})$/u.exec(name)?.[1];
  const offset = l.text.indexOf(text);
  return { name, issuer, year, span: { start: l.start + Math.max(0, offset), end: l.end } };
}
