import { formVariants } from './form-variants';
import { SkillEntry } from './skill.types';
import { Tokens } from './tokenizer';

/** What a complete form resolves to. */
export interface Terminal {
  entry: number;
  /** Only ambiguous forms produced this key (an unambiguous form of the same entry clears it). */
  ambiguous: boolean;
  /** Original spellings of the ambiguous name forms (not list-only ones), separators removed. */
  exactForms: string[];
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  term?: Terminal;
}

/** A longest match found in a token stream, before the ambiguity rules run. */
export interface RawMatch {
  terminal: Terminal;
  firstToken: number;
  lastToken: number;
  start: number;
  /** End of the skill name itself (before a version suffix). */
  nameEnd: number;
  /** End including a trailing version such as "Angular 2+" or "Excel 2016". */
  end: number;
  /** A plural or version-suffix fallback was needed ("APIs", "Python3"). */
  fuzzy: boolean;
}

const VERSION = /^(?:v?\d{1,2}(?:\.(?:\d{1,2}|x))*\+?|(?:19|20)\d\d)$/;
const DURATION = /^(?:years?|yrs?|months?|mos?)$/;
const VERSION_SUFFIX = /^([a-z][a-z+#.]*[a-z+#])v?\d+(?:\.\d+)*$/;

/** none: always a skill; name: a word-like name ("Go"); list: a plain word ("Reliable"). */
type Ambiguity = 'none' | 'name' | 'list';

function ambiguityOf(e: SkillEntry, form: string): Ambiguity {
  const ambiguous =
    form === e.canonical ? e.ambiguous === true : (e.ambiguousAliases ?? []).includes(form);
  if (!ambiguous) return 'none';
  return (e.listOnly ?? []).includes(form) ? 'list' : 'name';
}

export const squashExact = (s: string): string => s.replace(/[\s\-_/\u00a0]+/g, '');

/** Token trie over every form of every entry, with whole-name lookup maps for normalize(). */
export class SkillTrie {
  private readonly root: TrieNode = {};
  /** Joined token keys of every indexed variant → entry index. */
  readonly byKey = new Map<string, number>();
  /** Same keys with spaces removed, the last-resort lookup. */
  readonly bySquashed = new Map<string, number>();

  constructor(entries: readonly SkillEntry[]) {
    // Explicit forms are indexed before generated variants so a variant never shadows a real form.
    const pending: {
      keys: string[];
      entry: number;
      ambiguity: Ambiguity;
      form: string;
      i: number;
    }[] = [];
    entries.forEach((e, entry) => {
      for (const form of [e.canonical, ...e.aliases]) {
        const ambiguity = ambiguityOf(e, form);
        formVariants(form).forEach((keys, i) => pending.push({ keys, entry, ambiguity, form, i }));
      }
    });
    const ordered = [...pending.filter((p) => p.i === 0), ...pending.filter((p) => p.i !== 0)];
    for (const p of ordered) this.insert(p.keys, p.entry, p.ambiguity, p.form, p.i > 0);
  }

  /** A generated variant never changes what an explicit form already decided for its key. */
  private insert(
    keys: string[],
    entry: number,
    ambiguity: Ambiguity,
    form: string,
    generated: boolean,
  ): void {
    const ambiguous = ambiguity !== 'none';
    const exact = ambiguity === 'name' ? [squashExact(form)] : [];
    const joined = keys.join(' ');
    const owner = this.byKey.get(joined);
    if (owner !== undefined && owner !== entry) return;
    this.byKey.set(joined, entry);
    if (!this.bySquashed.has(joined.replace(/ /g, ''))) {
      this.bySquashed.set(joined.replace(/ /g, ''), entry);
    }
    const node = this.nodeFor(keys);
    if (!node.term) {
      node.term = { entry, ambiguous, exactForms: exact };
    } else if (generated) {
      return;
    } else if (!ambiguous) {
      node.term.ambiguous = false;
    } else if (node.term.ambiguous) {
      node.term.exactForms.push(...exact);
    }
  }

  private nodeFor(keys: string[]): TrieNode {
    let node = this.root;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = {}));
      node = child;
    }
    return node;
  }

  /** Leftmost-longest, non-overlapping matches over a token stream. */
  matchAll(tokens: Tokens): RawMatch[] {
    const out: RawMatch[] = [];
    const n = tokens.keys.length;
    let i = 0;
    while (i < n) {
      const m = this.longestAt(tokens, i);
      if (m) {
        out.push(m);
        i = m.lastToken + 1;
      } else i++;
    }
    return out;
  }

  private longestAt(tokens: Tokens, i: number): RawMatch | undefined {
    const { keys, hardBefore } = tokens;
    let node: TrieNode | undefined = this.root;
    let best: { term: Terminal; last: number; fuzzy: boolean } | undefined;
    let fuzzy = false;
    for (let j = i; j < keys.length && node?.next; j++) {
      if (j > i && hardBefore[j]) break;
      let child: TrieNode | undefined = node.next.get(keys[j]);
      if (!child) {
        child = this.fallback(node.next, keys[j], j === i);
        if (child) fuzzy = true;
      }
      if (!child) break;
      node = child;
      if (node.term) best = { term: node.term, last: j, fuzzy };
    }
    if (!best) return undefined;
    const nameEnd = tokens.ends[best.last];
    const end = this.versionEnd(tokens, best.last) ?? nameEnd;
    return {
      terminal: best.term,
      firstToken: i,
      lastToken: best.last,
      start: tokens.starts[i],
      nameEnd,
      end,
      fuzzy: best.fuzzy,
    };
  }

  /** Plural ("apis" → "api") and, on a first token, version suffix ("python3" → "python"). */
  private fallback(next: Map<string, TrieNode>, key: string, first: boolean): TrieNode | undefined {
    if (key.length >= 4 && key.endsWith('s') && !key.endsWith('ss')) {
      const singular = key.endsWith('ies') ? key.slice(0, -3) + 'y' : key.slice(0, -1);
      const hit =
        next.get(singular) ?? (key.endsWith('es') ? next.get(key.slice(0, -2)) : undefined);
      if (hit) return hit;
    }
    const m = first ? VERSION_SUFFIX.exec(key) : null;
    return m ? next.get(m[1]) : undefined;
  }

  /** End offset of a version token right after the name ("Python 3.x", "Angular 2+"), if any. */
  private versionEnd(tokens: Tokens, last: number): number | undefined {
    const v = last + 1;
    if (v >= tokens.keys.length || tokens.hardBefore[v] || !VERSION.test(tokens.keys[v])) {
      return undefined;
    }
    const after = tokens.keys[v + 1];
    if (after !== undefined && !tokens.hardBefore[v + 1] && DURATION.test(after)) return undefined;
    return tokens.ends[v];
  }
}
