/**
 * Parses the Python-literal list strings of resume_data.csv ("['Python', 'SQL']", "[None]",
 * "[['a'], None]"). Anything that is not a well-formed literal is returned as a one-element list
 * holding the raw string, so no value is silently lost.
 */
export type PyValue = string | null | PyValue[];

export function parsePyLiteral(raw: string | undefined | null): PyValue {
  if (raw === undefined || raw === null) return null;
  const s = raw.trim();
  if (s === '' || s === 'nan' || s === 'None') return null;
  if (!s.startsWith('[')) return s;
  try {
    const p = new LiteralParser(s);
    const v = p.value();
    p.skipSpace();
    return p.done() ? v : [s];
  } catch {
    return [s];
  }
}

/** Flattens to the non-empty strings, treating None and 'N/A' as missing. */
export function pyStrings(raw: string | undefined | null): string[] {
  return flattenPy(parsePyLiteral(raw));
}

export function flattenPy(value: PyValue | undefined): string[] {
  const out: string[] = [];
  const walk = (v: PyValue): void => {
    if (v === null) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (!isMissing(v)) out.push(v.trim());
  };
  if (value !== undefined) walk(value);
  return out;
}

/** The top-level list with each element kept (None and 'N/A' become null), for column-aligned fields. */
export function pyList(raw: string | undefined | null): PyValue[] {
  const v = parsePyLiteral(raw);
  if (v === null) return [];
  if (!Array.isArray(v)) return [isMissing(v) ? null : v];
  return v.map((x) => (typeof x === 'string' && isMissing(x) ? null : x));
}

export const isMissing = (s: string): boolean => /^\s*(?:n\/?a|none|null|nan|-)?\s*$/i.test(s);

class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  value(): PyValue {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === '[') return this.list();
    if (c === "'" || c === '"') return this.str(c);
    if (this.s.startsWith('None', this.i)) {
      this.i += 4;
      return null;
    }
    throw new Error(`unexpected ${c} at ${this.i}`);
  }

  private list(): PyValue[] {
    const out: PyValue[] = [];
    this.i++;
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipSpace();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new Error(`expected , or ] at ${this.i}`);
    }
  }

  private str(quote: string): string {
    let out = '';
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const n = this.s[this.i++];
      out +=
        n === 'n' ? '\n' : n === 't' ? '\t' : n === 'x' ? this.hex(2) : n === 'u' ? this.hex(4) : n;
    }
    throw new Error('unterminated string');
  }

  private hex(len: number): string {
    const code = parseInt(this.s.slice(this.i, this.i + len), 16);
    this.i += len;
    return String.fromCharCode(code);
  }
}
