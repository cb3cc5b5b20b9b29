/**
 * Parsing evaluation: `npm run eval:parsing -- <datasets dir> [--json]`.
 * Sections whose input is missing from the directory are left out. `--json` prints exactly
 * {"contact": {...}, "ner": {...}, "extraction": {...}} (the interface the held-out run reads).
 */
import { existsSync } from 'node:fs';
import { shutdownExtractors } from '../libs/parsing/extract/extraction-runner';
import { evalContact, type ContactReport } from '../libs/parsing/eval/contact-eval';
import {
  readContactTruth,
  readLiveCareerCases,
  readNerRecords,
} from '../libs/parsing/eval/dataset-files';
import { evalExtraction, type ExtractionReport } from '../libs/parsing/eval/extraction-eval';
import { evalNer, type NerReport } from '../libs/parsing/eval/ner-eval';

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Reports {
  contact?: ContactReport;
  ner?: NerReport;
  extraction?: ExtractionReport;
}

function toJson(r: Reports): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.contact) {
    out.contact = {
      email: { exact: r3(r.contact.email.exact) },
      phone: { exact: r3(r.contact.phone.exact) },
      name: { exact: r3(r.contact.name.exact) },
    };
  }
  if (r.ner) {
    const labels = Object.fromEntries(
      Object.entries(r.ner.labels).map(([k, v]) => [
        k,
        { precision: r3(v.precision), recall: r3(v.recall) },
      ]),
    );
    out.ner = { ...labels, degree_level: { accuracy: r3(r.ner.degree_level.accuracy) } };
  }
  if (r.extraction) {
    out.extraction = {
      success: r3(r.extraction.success),
      char_recall: r3(r.extraction.char_recall),
    };
  }
  return out;
}

function printTable(r: Reports): void {
  const rows: [string, string, string][] = [];
  if (r.contact) {
    for (const f of ['email', 'phone', 'name', 'location'] as const) {
      rows.push([`contact.${f}`, 'exact', r3(r.contact[f].exact).toFixed(3)]);
    }
  }
  if (r.ner) {
    for (const [k, v] of Object.entries(r.ner.labels)) {
      rows.push([
        `ner.${k}`,
        'precision / recall',
        `${r3(v.precision).toFixed(3)} / ${r3(v.recall).toFixed(3)}`,
      ]);
    }
    rows.push([
      'ner.degree_level',
      `accuracy (n=${r.ner.degree_level.records})`,
      r3(r.ner.degree_level.accuracy).toFixed(3),
    ]);
  }
  if (r.extraction) {
    rows.push([
      `extraction (n=${r.extraction.files})`,
      'success',
      r3(r.extraction.success).toFixed(3),
    ]);
    rows.push(['extraction', 'char_recall', r3(r.extraction.char_recall).toFixed(3)]);
    rows.push(['extraction', 'median ms/page', r.extraction.medianMsPerPage.toFixed(1)]);
  }
  const w = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(`${row[0].padEnd(w[0])}  ${row[1].padEnd(w[1])}  ${row[2]}`);
  for (const m of r.contact?.misses ?? []) {
    console.log(
      `miss ${m.field}: ${m.file.split('/').pop()} expected=${JSON.stringify(m.expected)} got=${JSON.stringify(m.got)}`,
    );
  }
  for (const f of r.extraction?.failures ?? [])
    console.log(`extraction failure ${f.id}: ${f.error}`);
}

async function main(argv: string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir || !existsSync(dir)) {
    console.error('usage: eval-parsing <datasets dir> [--json]');
    return 2;
  }
  const reports: Reports = {};
  const truth = readContactTruth(dir);
  if (truth) reports.contact = await evalContact(truth);
  const ner = readNerRecords(dir);
  if (ner) reports.ner = evalNer(ner);
  const live = readLiveCareerCases(dir);
  if (live) reports.extraction = await evalExtraction(live);
  if (argv.includes('--json')) console.log(JSON.stringify(toJson(reports)));
  else printTable(reports);
  return 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await shutdownExtractors();
    process.exitCode = code;
  })
  .catch(async (err) => {
    console.error(err);
    await shutdownExtractors();
    process.exitCode = 1;
  });
