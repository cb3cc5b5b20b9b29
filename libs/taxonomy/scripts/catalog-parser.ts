/**
 * Parser for the hand-curated catalog files (scripts/catalog/*.txt). Format, one skill a line:
 *
 *   @category programming-languages        applies to the lines below it
 *   @source public:programming-languages   default provenance of the lines below it
 *   JavaScript | JS, ECMAScript, ES6       canonical | comma-separated aliases
 *   Go? | Golang                           "?" after the canonical: the canonical is ambiguous
 *   Node.js | NodeJS, Node?                "?" after an alias: that alias is ambiguous
 *   Work Ethic | Reliable??                "??": ambiguous and a plain word, matched only in lists
 *   # comment
 */
import { SkillEntry } from '../skill.types';

export interface CatalogError {
  file: string;
  line: number;
  message: string;
}

export function parseCatalog(file: string, text: string, errors: CatalogError[]): SkillEntry[] {
  const out: SkillEntry[] = [];
  let category = '';
  let source = 'curated';
  text.split('\n').forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const directive = /^@(category|source)\s+(\S+)$/.exec(line);
    if (directive) {
      if (directive[1] === 'category') category = directive[2];
      else source = directive[2];
      return;
    }
    if (!category) {
      errors.push({ file, line: idx + 1, message: 'skill before any @category' });
      return;
    }
    out.push(parseLine(line, category, source));
  });
  return out;
}

function parseLine(line: string, category: string, source: string): SkillEntry {
  const [head, tail = ''] = line.split('|');
  const listOnly: string[] = [];
  const canonicalForm = parseForm(head, listOnly);
  const entry: SkillEntry = { canonical: canonicalForm.form, category, aliases: [], source };
  if (canonicalForm.ambiguous) entry.ambiguous = true;
  const ambiguousAliases: string[] = [];
  for (const part of tail.split(',')) {
    const { form, ambiguous } = parseForm(part, listOnly);
    if (!form || form === entry.canonical || entry.aliases.includes(form)) continue;
    entry.aliases.push(form);
    if (ambiguous) ambiguousAliases.push(form);
  }
  if (ambiguousAliases.length > 0) entry.ambiguousAliases = ambiguousAliases;
  if (listOnly.length > 0) entry.listOnly = listOnly;
  return entry;
}

/** One form with its "?" / "??" marker; list-only forms are also collected into `listOnly`. */
function parseForm(raw: string, listOnly: string[]): { form: string; ambiguous: boolean } {
  const m = /^(.*?)\s*(\?{1,2})?$/.exec(raw.trim()) as RegExpExecArray;
  const form = m[1].trim();
  if (m[2] === '??' && form) listOnly.push(form);
  return { form, ambiguous: m[2] !== undefined };
}
