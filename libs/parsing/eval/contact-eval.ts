import { readFile } from 'node:fs/promises';
import { parseResume } from '../parse-resume';
import type { ContactTruth } from './dataset-files';
import { samePhone, sameText } from './match';

export interface ContactReport {
  email: { exact: number };
  phone: { exact: number };
  name: { exact: number };
  location: { exact: number };
  files: number;
  misses: { file: string; field: string; expected: string | null; got: string | null }[];
}

/** Exact match per field over the ground-truth files; an absent field must be absent to match. */
export async function evalContact(truth: ContactTruth[]): Promise<ContactReport> {
  const hits = { email: 0, phone: 0, name: 0, location: 0 };
  const misses: ContactReport['misses'] = [];
  for (const t of truth) {
    let got: Record<keyof typeof hits, string | null> = {
      email: null,
      phone: null,
      name: null,
      location: null,
    };
    try {
      const p = await parseResume(await readFile(t.file));
      const c = p.contact;
      got = {
        email: c.email?.value ?? null,
        phone: c.phone?.value ?? null,
        name: c.name?.value ?? null,
        location: c.location?.value ?? null,
      };
    } catch (err) {
      misses.push({
        file: t.file,
        field: 'parse',
        expected: null,
        got: (err as { code?: string }).code ?? String(err),
      });
    }
    const check = (field: keyof typeof hits, ok: boolean) => {
      if (ok) hits[field]++;
      else misses.push({ file: t.file, field, expected: t[field], got: got[field] });
    };
    check('email', sameText(got.email, t.email));
    check('phone', samePhone(got.phone, t.phone));
    check('name', sameText(got.name, t.name));
    check('location', sameText(got.location, t.location));
  }
  const n = Math.max(1, truth.length);
  return {
    email: { exact: hits.email / n },
    phone: { exact: hits.phone / n },
    name: { exact: hits.name / n },
    location: { exact: hits.location / n },
    files: truth.length,
    misses,
  };
}
