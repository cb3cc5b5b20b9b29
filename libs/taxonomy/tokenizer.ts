/**
 * Skill-aware tokenizer shared by the taxonomy's forms and the texts it searches, so that both sides
 * normalise identically. Tokens keep tech punctuation that carries meaning ("c++", "c#", ".net",
 * "node.js", "r&d"); keys are lower-cased. Spaces, tabs, "-", "_" and "/" are soft separators (a
 * multi-word skill may span them); any other punctuation and line breaks are hard breaks.
 */
export interface Tokens {
  keys: string[];
  starts: number[];
  /** End offsets, exclusive. */
  ends: number[];
  /** True when a hard break lies between the previous token and this one (or it is the first). */
  hardBefore: boolean[];
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return NON_ASCII_WORD.test(text[i]);
}

function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 32;
  return (c >= 97 && c <= 122) || (text.charCodeAt(i) >= 128 && isWordCode(text, i));
}

/** Soft separators: space, tab, CR, NBSP, zero-width space, "-", "_", "/". */
function isSoft(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 13 || c === 160 || c === 0x200b || c === 45 || c === 95 || c === 47
  );
}

/** Index just past the word that starts at `i` (which must be a word character or a leading "."). */
function scanWord(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isWordCode(text, j)) j++;
    // Inner "." joins "node.js" / "3.5"; inner apostrophe joins "women's"; inner "&" joins "r&d".
    else if ((c === 46 || c === 38) && j + 1 < n && isWordCode(text, j + 1)) j += 2;
    else if ((c === 39 || c === 0x2019) && isLetterCode(text, j - 1) && isLetterCode(text, j + 1))
      j += 2;
    else break;
  }
  // "c++", "c#", "f#", "a+", "2+": a trailing +/# run belongs to the token unless a letter follows.
  let k = j;
  while (k < n && k - j < 2 && (text.charCodeAt(k) === 43 || text.charCodeAt(k) === 35)) k++;
  if (k > j && !(k < n && isLetterCode(text, k))) j = k;
  return j;
}

function keyOf(raw: string): string {
  return raw.toLowerCase().replace(/\u2019/g, "'");
}

export function tokenize(text: string): Tokens {
  const out: Tokens = { keys: [], starts: [], ends: [], hardBefore: [] };
  const n = text.length;
  let hard = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const leadingDot = c === 46 && i + 1 < n && isLetterCode(text, i + 1);
    if (isWordCode(text, i) || (leadingDot && (i === 0 || !isWordCode(text, i - 1)))) {
      const end = scanWord(text, i);
      push(out, keyOf(text.slice(i, end)), i, end, hard);
      hard = false;
      i = end;
    } else if (c === 38) {
      // A standalone "&" reads as "and", so "Research & Development" == "Research and Development".
      push(out, 'and', i, i + 1, hard);
      hard = false;
      i++;
    } else {
      if (!isSoft(c)) hard = true;
      i++;
    }
  }
  return out;
}

function push(out: Tokens, key: string, start: number, end: number, hard: boolean): void {
  out.keys.push(key);
  out.starts.push(start);
  out.ends.push(end);
  out.hardBefore.push(hard);
}

export { isWordCode };
