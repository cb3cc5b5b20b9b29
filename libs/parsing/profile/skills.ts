import { SkillTaxonomy } from '../../taxonomy';
import type { Section, SectionName, SkillMention, Span } from '../profile.types';
import { sectionAt } from './sections';

/**
 * Skill mentions from the shipped taxonomy. Skills sections are read as lists (where ambiguous
 * names such as "Go" or "Excel" count); everything else as prose. Confidence grows with the
 * strength of the section and the number of mentions.
 */
const SECTION_CONFIDENCE: Partial<Record<SectionName, number>> = {
  skills: 0.9,
  experience: 0.8,
  projects: 0.8,
  certifications: 0.8,
  summary: 0.7,
};

export interface SkillExtraction {
  skills: SkillMention[];
  /** Mentions beyond a plausible count for one skill (keyword stuffing), excluded from scoring. */
  excessSpans: Span[];
}

/**
 * A skill named more than 25 times that also makes up more than 4% of all words is stuffed
 * (an accountant's two-page resume names "accounting" about 30 times in 1,500 words: 2%).
 */
const MAX_PLAUSIBLE_MENTIONS = 25;
const MAX_MENTION_SHARE = 0.04;
const KEPT_WHEN_STUFFED = 5;

export function extractSkills(text: string, sections: Section[]): SkillExtraction {
  const taxonomy = SkillTaxonomy.default();
  const lists = sections.filter((s) => s.name === 'skills');
  const hits: { canonical: string; category?: string; span: Span }[] = [];
  for (const s of lists) {
    for (const h of taxonomy.findInText(text.slice(s.span.start, s.span.end), {
      listContext: true,
    })) {
      hits.push({
        canonical: h.canonical,
        category: h.category,
        span: { start: h.start + s.span.start, end: h.end + s.span.start },
      });
    }
  }
  const inList = (i: number) => lists.some((s) => i >= s.span.start && i < s.span.end);
  for (const h of taxonomy.findInText(text)) {
    if (!inList(h.start))
      hits.push({
        canonical: h.canonical,
        category: h.category,
        span: { start: h.start, end: h.end },
      });
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  return group(hits, sections, words);
}

function group(
  hits: { canonical: string; category?: string; span: Span }[],
  sections: Section[],
  words: number,
): SkillExtraction {
  const byName = new Map<string, SkillMention>();
  for (const h of hits.sort((a, b) => a.span.start - b.span.start)) {
    const m = byName.get(h.canonical) ?? {
      canonical: h.canonical,
      category: h.category,
      confidence: 0,
      spans: [],
      sections: [],
    };
    m.spans.push(h.span);
    const sec = sectionAt(sections, h.span.start);
    if (!m.sections.includes(sec)) m.sections.push(sec);
    byName.set(h.canonical, m);
  }
  const excessSpans: Span[] = [];
  for (const m of byName.values()) {
    const n = m.spans.length;
    if (n > MAX_PLAUSIBLE_MENTIONS && n / Math.max(1, words) > MAX_MENTION_SHARE) {
      excessSpans.push(...m.spans.splice(KEPT_WHEN_STUFFED));
    }
    const base = Math.max(0.6, ...m.sections.map((s) => SECTION_CONFIDENCE[s] ?? 0.6));
    m.confidence = Math.min(0.98, Math.round((base + 0.03 * (m.spans.length - 1)) * 100) / 100);
  }
  return { skills: [...byName.values()], excessSpans };
}
