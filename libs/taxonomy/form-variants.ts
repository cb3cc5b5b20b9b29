import { tokenize } from './tokenizer';

/**
 * Token-key sequences under which one surface form (canonical or alias) is indexed. Besides the
 * form's own tokens this adds the spellings people use interchangeably for it:
 *  - dotted tokens without dots or split at them: "Node.js" → "nodejs", "node js";
 *    "ASP.NET" → "aspnet", "asp .net", "asp net";
 *  - multi-word forms written as one word: "Power BI" → "powerbi", "CI/CD" → "cicd".
 * Hyphen/space/slash variants need nothing here: those are soft separators in the tokenizer.
 */
export function formVariants(form: string): string[][] {
  const base = tokenize(form).keys;
  if (base.length === 0) return [];
  const seen = new Set<string>();
  const out: string[][] = [];
  const add = (keys: string[]): void => {
    const id = keys.join(' ');
    if (keys.length > 0 && !seen.has(id)) {
      seen.add(id);
      out.push(keys);
    }
  };
  add(base);
  if (base.some(isDotted)) {
    add(base.map((k) => (isDotted(k) ? k.replace(/\./g, '') : k)));
    add(base.flatMap((k) => (isDotted(k) ? splitDots(k, true) : [k])));
    add(base.flatMap((k) => (isDotted(k) ? splitDots(k, false) : [k])));
  }
  for (const keys of [...out]) {
    if (keys.length >= 2 && keys.length <= 4) add([keys.join('')]);
  }
  return out;
}

/** A token with an inner dot between letters (not a version number such as "3.5"). */
function isDotted(key: string): boolean {
  return /[a-z+#]\.[a-z]/.test(key);
}

function splitDots(key: string, keepLeadingDot: boolean): string[] {
  const leading = key.startsWith('.');
  const parts = key.split('.').filter((p) => p.length > 0);
  if (!keepLeadingDot) return parts;
  return parts.map((p, i) => (i > 0 || leading ? '.' + p : p));
}

/** The lookup key of a whole name: its token keys joined by one space. */
export function nameKey(name: string): string {
  return tokenize(name).keys.join(' ');
}
