/**
 * Benchmark of SkillTaxonomy.findInText (timing lives here, never in tests).
 *
 *   node dist/libs/taxonomy/scripts/bench-find-in-text.js [--datasets <dir>]
 *
 * Always measures a generated, fictional ~6k-character resume; with --datasets it also runs over
 * every LiveCareer resume text (read in place, nothing copied) and reports per-resume percentiles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SkillTaxonomy } from '../skill-taxonomy';

const PARAGRAPHS = [
  'SENIOR SOFTWARE ENGINEER\nProfessional Summary\nEngineer with 8 years building web platforms in TypeScript, Node.js and Go. Comfortable with k8s, Terraform and AWS (EC2, S3, Lambda).',
  'Experience\n03/2019 to Current\nLead Engineer, Example Corp, Springfield\n- Designed REST APIs and GraphQL services; migrated a monolith to microservices.\n- Built CI/CD pipelines with GitHub Actions and Jenkins; cut release time by 40%.',
  '- Mentored 5 developers, ran code reviews and sprint planning in an Agile/Scrum team.\n- Tuned PostgreSQL queries, added Redis caching and Elasticsearch search.',
  'Skills\nLanguages: JavaScript, TypeScript, Python, Go, Java, C#, C++, SQL\nFrameworks: React, Angular 2+, Vue.js, Express, NestJS, Spring Boot, .NET Core\nTools: Docker, Kubernetes, Helm, Git, Jira, Confluence, MS Excel',
  'Education\nB.S. Computer Science, State University, 2014\nCertifications: none listed. Interests: hiking, chess, volunteering at the food bank.',
  'Also handled budgeting, vendor management, stakeholder communication, and customer service escalations. Prepared reports in Power BI and Tableau; presented findings to executives.',
];

/** A fictional resume of at least `chars` characters, built from the paragraphs above. */
export function fictionalResume(chars = 6000): string {
  const parts: string[] = [];
  for (let i = 0; parts.join('\n\n').length < chars; i++)
    parts.push(PARAGRAPHS[i % PARAGRAPHS.length]);
  return parts.join('\n\n');
}

function timeIt(fn: () => void, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function benchDatasets(taxonomy: SkillTaxonomy, dir: string): void {
  const file = join(dir, 'resume-categories', 'livecareer_resumes.csv');
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as { Resume_text: string }[];
  const texts = rows.map((r) => r.Resume_text).filter((t) => t.length > 0);
  for (const t of texts.slice(0, 50)) taxonomy.findInText(t);
  const times = texts.map((t) => timeIt(() => taxonomy.findInText(t), 3)).sort((a, b) => a - b);
  const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  const hits = texts.reduce((n, t) => n + taxonomy.findInText(t).length, 0) / texts.length;
  console.log(
    `livecareer: ${texts.length} resumes, mean ${chars.toFixed(0)} chars, ${hits.toFixed(1)} hits; ` +
      `p50 ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms, ` +
      `max ${times[times.length - 1].toFixed(3)} ms`,
  );
}

function main(argv: string[]): void {
  const t0 = process.hrtime.bigint();
  const taxonomy = SkillTaxonomy.default();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`load: ${taxonomy.size} skills in ${loadMs.toFixed(1)} ms`);
  const resume = fictionalResume();
  for (let i = 0; i < 200; i++) taxonomy.findInText(resume);
  const ms = timeIt(() => taxonomy.findInText(resume), 2000);
  const hits = taxonomy.findInText(resume).length;
  console.log(`fictional resume: ${resume.length} chars, ${hits} hits, ${ms.toFixed(3)} ms/call`);
  const i = argv.indexOf('--datasets');
  if (i >= 0 && argv[i + 1]) benchDatasets(taxonomy, argv[i + 1]);
}

if (require.main === module) main(process.argv.slice(2));
