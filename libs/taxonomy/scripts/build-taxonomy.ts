/**
 * Builds libs/taxonomy/data/skills.json from the curated catalog (scripts/catalog/*.txt).
 *
 *   node dist/libs/taxonomy/scripts/build-taxonomy.js [--datasets <dir>] [--report <file.tsv>]
 *
 * With --datasets, it first re-mines the shared datasets, maps every mined candidate onto the
 * catalog with SkillTaxonomy.normalize, and rewrites scripts/catalog/dataset-provenance.json (per
 * canonical: in how many distinct documents of each dataset column it was listed). Frequent
 * candidates that map to nothing go to the report (default /tmp/taxonomy-unmatched.tsv) for the
 * next round of curation. Without --datasets the committed provenance file is used, so the build
 * is reproducible without the datasets.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../common/paths';
import { SkillTaxonomy } from '../skill-taxonomy';
import { SkillEntry } from '../skill.types';
import { validateEntries } from '../validate-entries';
import { CatalogError, parseCatalog } from './catalog-parser';
import { Candidate, mineCandidates } from './mine-skills';

/** Listed in at least this many distinct documents of a column to count as attested there. */
const MIN_DOCS = 2;

type Provenance = Record<string, Record<string, number>>;

const taxonomyDir = (): string => join(projectRoot(), 'libs', 'taxonomy');
const catalogDir = (): string => join(taxonomyDir(), 'scripts', 'catalog');
const provenanceFile = (): string => join(catalogDir(), 'dataset-provenance.json');

export function loadCatalog(): SkillEntry[] {
  const errors: CatalogError[] = [];
  const files = readdirSync(catalogDir())
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const entries = files.flatMap((f) =>
    parseCatalog(f, readFileSync(join(catalogDir(), f), 'utf8'), errors),
  );
  const problems = [
    ...errors.map((e) => `${e.file}:${e.line}: ${e.message}`),
    ...validateEntries(entries),
  ];
  if (problems.length > 0) throw new Error('catalog invalid:\n' + problems.join('\n'));
  return entries;
}

function computeProvenance(entries: SkillEntry[], candidates: Candidate[], report: string): void {
  const taxonomy = new SkillTaxonomy(entries);
  const provenance: Provenance = {};
  const unmatched: string[] = [];
  for (const c of candidates) {
    const n = taxonomy.normalize(c.name);
    if (!n.known) {
      if (c.total >= 3) unmatched.push(`${c.name}\t${c.total}`);
      continue;
    }
    const counts = (provenance[n.canonical] ??= {});
    for (const [column, count] of Object.entries(c.counts)) {
      counts[column] = (counts[column] ?? 0) + count;
    }
  }
  const sorted = Object.fromEntries(
    Object.entries(provenance).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(provenanceFile(), JSON.stringify(sorted, null, 2) + '\n');
  writeFileSync(report, unmatched.join('\n') + '\n');
  console.log(`provenance for ${Object.keys(sorted).length} skills; unmatched → ${report}`);
}

/** "datasets:<column>" for the column that lists the skill most often, if attested at all. */
function datasetSource(counts: Record<string, number> | undefined): string | undefined {
  const best = Object.entries(counts ?? {})
    .filter(([, n]) => n >= MIN_DOCS)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best ? `datasets:${best[0]}` : undefined;
}

function applyProvenance(entries: SkillEntry[]): SkillEntry[] {
  const provenance: Provenance = existsSync(provenanceFile())
    ? (JSON.parse(readFileSync(provenanceFile(), 'utf8')) as Provenance)
    : {};
  return entries.map((e) => ({ ...e, source: datasetSource(provenance[e.canonical]) ?? e.source }));
}

function writeSkills(entries: SkillEntry[]): void {
  const sorted = [...entries].sort(
    (a, b) => a.category.localeCompare(b.category) || a.canonical.localeCompare(b.canonical),
  );
  const body = sorted.map((e) => '  ' + JSON.stringify(e)).join(',\n');
  writeFileSync(join(taxonomyDir(), 'data', 'skills.json'), `[\n${body}\n]\n`);
}

function printCounts(entries: SkillEntry[]): void {
  const byCategory = new Map<string, number>();
  for (const e of entries) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + 1);
  for (const [category, n] of [...byCategory].sort()) console.log(`${category}\t${n}`);
  const bySource = new Map<string, number>();
  for (const e of entries) {
    const kind = e.source.split(':')[0];
    bySource.set(kind, (bySource.get(kind) ?? 0) + 1);
  }
  console.log(`total\t${entries.length}\t${JSON.stringify(Object.fromEntries(bySource))}`);
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const entries = loadCatalog();
  const datasets = arg('--datasets');
  if (datasets) {
    const report = arg('--report') ?? '/tmp/taxonomy-unmatched.tsv';
    computeProvenance(entries, mineCandidates(datasets), report);
  }
  const final = applyProvenance(entries);
  writeSkills(final);
  printCounts(final);
}

if (require.main === module) main(process.argv.slice(2));
