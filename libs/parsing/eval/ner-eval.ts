import { SkillTaxonomy } from '../../taxonomy';
import { buildProfile } from '../profile/build-profile';
import { classifyDegree, maxLevel } from '../profile/degree';
import type { Profile } from '../profile.types';
import type { NerRecord } from './dataset-files';
import { addPr, emptyCounts, overlaps, precisionRecall, sameText, type PrCounts } from './match';

/** NER labels evaluated, with how a profile answers each and how answers are compared. */
const LABELS: Record<
  string,
  { predict: (p: Profile) => string[]; eq: (a: string, b: string) => boolean }
> = {
  Name: { predict: (p) => (p.contact.name ? [p.contact.name.value] : []), eq: sameText },
  Degree: { predict: (p) => p.education.map((e) => e.degree ?? '').filter(Boolean), eq: overlaps },
  'College Name': {
    predict: (p) => p.education.map((e) => e.institution ?? '').filter(Boolean),
    eq: overlaps,
  },
  Designation: {
    predict: (p) => p.experience.map((e) => e.title ?? '').filter(Boolean),
    eq: overlaps,
  },
  Skills: { predict: (p) => p.skills.map((s) => s.canonical), eq: (a, b) => a === b },
};

export interface NerReport {
  labels: Record<string, { precision: number; recall: number }>;
  degree_level: { accuracy: number; records: number };
  records: number;
}

/**
 * Gold spans are cleaned first: offsets are end-inclusive and about 7% are misaligned, so the
 * span's own text (trimmed) is used, de-duplicated per record. Skills gold is the set of
 * taxonomy skills named inside the gold Skills spans; the gold degree level is the highest level
 * the degree classifier reads from the gold Degree spans (records with none are skipped).
 */
export function evalNer(records: NerRecord[], now = new Date('2019-06-01T00:00:00Z')): NerReport {
  const counts: Record<string, PrCounts> = Object.fromEntries(
    Object.keys(LABELS).map((k) => [k, emptyCounts()]),
  );
  let levelHits = 0;
  let levelRecords = 0;
  for (const r of records) {
    const profile = buildProfile(r.content, { now });
    for (const [label, spec] of Object.entries(LABELS)) {
      const gold = goldFor(r, label);
      if (!gold.length) continue;
      addPr(counts[label], unique(spec.predict(profile)), gold, spec.eq);
    }
    const levels = goldTexts(r, 'Degree')
      .map(classifyDegree)
      .filter((l) => l !== null);
    if (levels.length) {
      levelRecords++;
      if (maxLevel(levels) === profile.highestDegree) levelHits++;
    }
  }
  return {
    labels: Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, precisionRecall(c)])),
    degree_level: { accuracy: levelRecords ? levelHits / levelRecords : 0, records: levelRecords },
    records: records.length,
  };
}

function goldFor(r: NerRecord, label: string): string[] {
  const texts = goldTexts(r, label);
  if (label !== 'Skills') return texts;
  const taxonomy = SkillTaxonomy.default();
  return unique(
    texts.flatMap((t) => taxonomy.findInText(t, { listContext: true }).map((h) => h.canonical)),
  );
}

export function goldTexts(r: NerRecord, label: string): string[] {
  const out: string[] = [];
  for (const a of r.annotation ?? []) {
    if (!a.label.includes(label)) continue;
    for (const p of a.points) out.push((p.text ?? r.content.slice(p.start, p.end + 1)).trim());
  }
  return unique(out.filter(Boolean));
}

function unique(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()));
}
