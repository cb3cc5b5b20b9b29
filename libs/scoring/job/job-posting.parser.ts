import type { JobRequirements } from '../job.types';
import { SkillIndex } from '../skills/skill-index';
import { requiredDegreeIn } from './degree-level';
import { parseMinYears } from './years-requirement';

const PREFERRED_HEADING =
  /\b(?:nice[- ]to[- ]have|preferred|bonus|plus|desirable|good[- ]to[- ]have|optional)\b/i;
const REQUIRED_HEADING =
  /\b(?:requirements?|required|must[- ]haves?|qualifications?|skills?|what you(?:'|’)ll need|you have|tech(?:nical)? stack)\b/i;
const HEADING_RE =
  /^\s*(?:#{1,6}\s+(.+?)\s*#*\s*$|([A-Z][\w ,/&'’()-]{2,60}):\s*$|\*\*(.+?)\*\*:?\s*$)/;

/**
 * A job posting in Markdown or plain text → JobRequirements. The title is the first heading (or
 * first line); skills under "Requirements"-like headings are required, under "Nice to have"/
 * "Preferred" headings preferred, and elsewhere preferred (required when there is no requirements
 * list); minimum years and degree are read from the text.
 */
export function parseJobPosting(
  text: string,
  skills: SkillIndex = SkillIndex.default(),
): JobRequirements {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleLine = lines.find((l) => l.trim().length > 0) ?? '';
  const title = titleLine
    .replace(/^#+\s*/, '')
    .replace(/^(?:job\s+)?title\s*:\s*/i, '')
    .trim();
  const required = new Set<string>();
  const preferred = new Set<string>();
  const elsewhere = new Set<string>();
  let section: 'required' | 'preferred' | 'other' = 'other';
  for (const line of lines.slice(lines.indexOf(titleLine) + 1)) {
    const heading = HEADING_RE.exec(line);
    const headingText = heading ? (heading[1] ?? heading[2] ?? heading[3] ?? '') : '';
    if (heading)
      section = PREFERRED_HEADING.test(headingText)
        ? 'preferred'
        : REQUIRED_HEADING.test(headingText)
          ? 'required'
          : 'other';
    const inlinePreferred = /\b(?:nice to have|preferred|a plus|bonus)\b/i.test(line);
    const target =
      section === 'preferred' || inlinePreferred
        ? preferred
        : section === 'required'
          ? required
          : elsewhere;
    const bullet = /^\s*(?:[-*•·]|\d+[.)])\s+(.*)$/.exec(line);
    const hits = skills.findInText(line, !!bullet || section !== 'other');
    for (const hit of hits) target.add(hit.canonical);
    // A short bullet under a skills heading is a skill even when the taxonomy does not know it.
    const item = bullet?.[1].trim().replace(/[.;]$/, '') ?? '';
    if (!hits.length && section !== 'other' && isShortSkill(item)) target.add(item);
  }
  // Skills mentioned outside a requirements list are required only when the posting has no such list.
  const hasList = required.size > 0;
  for (const s of elsewhere) (hasList ? preferred : required).add(s);
  for (const s of required) preferred.delete(s);
  const body = lines.join('\n');
  return {
    title,
    description: body,
    requiredSkills: [...required],
    preferredSkills: [...preferred],
    minYears: parseMinYears(body),
    educationLevel: requiredDegreeIn(
      body
        .split('\n')
        .filter((l) => /degree|bachelor|master|ph\.?d|diploma|b\.?sc|m\.?sc|graduate/i.test(l))
        .join('\n'),
    ),
  };
}

const NOT_A_SKILL =
  /\b(?:years?|degree|bachelor|master|diploma|certificat\w*|preferred|required|experience)\b/i;

function isShortSkill(item: string): boolean {
  const words = item.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 4 && item.length <= 40 && !NOT_A_SKILL.test(item);
}
