/**
 * Domain match through the taxonomy's skill categories (e.g. "accounting", "web-backend",
 * "construction"): the strongest single signal on the training data, because the label mostly
 * rewards a resume from the job's field. Inputs are category → count maps.
 */

/** Categories every field uses; they say little about the domain. */
const GENERIC = new Set(['soft-skills', 'office-productivity']);

export interface CategoryFeatures {
  cosine: number;
  /** Σ min of the two L1-normalised histograms: the share of the job's field the resume covers. */
  overlap: number;
  /** Cosine without the generic categories. */
  specificCosine: number;
  /** 1 when both sides' most frequent specific category is the same. */
  dominantMatch: number;
}

export function categoryFeatures(
  resume: ReadonlyMap<string, number>,
  job: ReadonlyMap<string, number>,
): CategoryFeatures {
  const specific = (m: ReadonlyMap<string, number>) =>
    new Map([...m].filter(([k]) => !GENERIC.has(k)));
  const rs = specific(resume);
  const js = specific(job);
  return {
    cosine: cosine(resume, job),
    overlap: overlap(resume, job),
    specificCosine: cosine(rs, js),
    dominantMatch: rs.size && js.size && dominant(rs) === dominant(js) ? 1 : 0,
  };
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  const na = Math.hypot(...a.values());
  const nb = Math.hypot(...b.values());
  return na > 0 && nb > 0 ? dot / (na * nb) : 0;
}

function overlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const sa = [...a.values()].reduce((x, y) => x + y, 0);
  const sb = [...b.values()].reduce((x, y) => x + y, 0);
  if (!sa || !sb) return 0;
  let s = 0;
  for (const [k, v] of b) s += Math.min(v / sb, (a.get(k) ?? 0) / sa);
  return s;
}

/** Most frequent key; ties go to the alphabetically first, so the result is deterministic. */
function dominant(m: ReadonlyMap<string, number>): string {
  return [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
}
