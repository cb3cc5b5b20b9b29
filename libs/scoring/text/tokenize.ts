/**
 * Tokenisation shared by every text feature and by the TF-IDF baseline, so that training
 * (`npm run features`) and serving see exactly the same tokens.
 */

// Function words, pronouns and resume boilerplate; pronouns are here so that neutralised
// pronouns ("them" vs "their") can never change a feature.
const STOPWORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have having he her hers herself him ' +
    'himself his i if in into is it its itself me my myself no nor not of on once only or other our ours over own per ' +
    'she should so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up upon very via was we were what when where which while who whom why will with within without ' +
    'would you your yours etc e.g i.e also using use used well able ability strong good excellent including include ' +
    'includes various new across both each all any more most many much make made within work worked working n/a na none'
  ).split(' '),
);

// Tokens keep "+", "#" and inner dots so that c++, c#, .net and node.js survive.
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:\.[\p{L}\p{N}]+)*[+#]*/gu;

/** Lower-cased, NFKC-normalised tokens with stopwords and bare numbers removed, lightly stemmed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  for (const m of lower.matchAll(TOKEN_RE)) {
    const tok = m[0];
    if (STOPWORDS.has(tok) || /^\d+(?:\.\d+)?$/.test(tok)) continue;
    const stemmed = stem(tok);
    if (stemmed.length > 0) out.push(stemmed);
  }
  return out;
}

/**
 * A deliberately small suffix stripper (plural, -ing, -ed, -ment, -ly): enough to join "developer"/
 * "developers" and "manage"/"managing" without a dependency. Short and technical tokens are kept.
 */
export function stem(token: string): string {
  if (token.length <= 3 || /[^a-z]/.test(token)) return token;
  let t = token;
  if (t.endsWith('ies') && t.length > 4) t = t.slice(0, -3) + 'y';
  else if (t.endsWith('sses')) t = t.slice(0, -2);
  else if (t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('us') && !t.endsWith('is'))
    t = t.slice(0, -1);
  for (const suffix of ['ing', 'ed', 'ment', 'ly']) {
    if (t.endsWith(suffix) && t.length - suffix.length >= 4) {
      t = t.slice(0, -suffix.length);
      break;
    }
  }
  if (t.endsWith('e') && t.length > 4) t = t.slice(0, -1);
  return t;
}

/** Distinct tokens, in first-seen order. */
export function tokenSet(text: string): Set<string> {
  return new Set(tokenize(text));
}
