import { RawMatch, squashExact } from './skill-trie';
import { isWordCode } from './tokenizer';

/**
 * Decides which matches of ambiguous forms ("Go", "Excel", "Spring", "R", "Node") are skills.
 * A match of an unambiguous form is always kept. An ambiguous one is kept when:
 *  1. the caller says the whole text is a skills list (`listContext`), or
 *  2. it stands as a whole list item, alone or in a run of coordinated skills
 *     ("Languages: Go, Rust", "• Excel", "(R)"), or
 *  3. it is coordinated with a kept skill ("C and Python", "C/C++", "Java, Spring"), written
 *     exactly if it is a name and not part of a Title-Case name ("Finance System"), or
 *  4. it is a name (not a list-only plain word such as "Reliable") met in prose, written exactly as
 *     the taxonomy spells it, at least two characters long, not opening a sentence or line, and
 *     not glued into a compound or a Title-Case name ("built services in Go" but not "Go to
 *     market", "go-getter", "Spring Valley", "Executive Chef", "Office Manager").
 * Ambiguous matches reached through a plural/version fallback are never kept.
 * A hyphen compound ("go-getter", "C-suite") is never kept, even in a list.
 */
export function resolveAmbiguous(
  text: string,
  matches: RawMatch[],
  listContext: boolean,
): RawMatch[] {
  const keep = matches.map((m) => !m.terminal.ambiguous);
  const viable = matches.map(
    (m) => !m.terminal.ambiguous || (!m.fuzzy && !isCompound(text, m) && acronymCaseHolds(text, m)),
  );
  matches.forEach((m, i) => {
    if (!keep[i] && viable[i]) keep[i] = listContext || isProseSkill(text, m);
  });
  for (const group of coordinatedGroups(text, matches)) {
    const first = matches[group[0]];
    const last = matches[group[group.length - 1]];
    const item = isListItem(text, first.start, last.end);
    const anchored = group.some((i) => keep[i]);
    for (const i of group) {
      if (keep[i] || !viable[i]) continue;
      keep[i] = item || (anchored && isCoordinatedSkill(text, matches[i]));
    }
  }
  return matches.filter((_, i) => keep[i]);
}

/**
 * An ambiguous acronym ("HIM", "LEED", "SAN") counts only when written in capitals, even in a
 * list: lower-case "him" is a pronoun, and a pronoun must never change a candidate's skills.
 */
function acronymCaseHolds(text: string, m: RawMatch): boolean {
  const { exactForms } = m.terminal;
  const acronym =
    exactForms.length > 0 && exactForms.every((f) => /[A-Z]/.test(f) && f === f.toUpperCase());
  if (!acronym) return true;
  const written = text.slice(m.start, m.nameEnd);
  return written === written.toUpperCase();
}

/** Coordinated with a kept skill in prose: names must still be written exactly ("C and Python"). */
function isCoordinatedSkill(text: string, m: RawMatch): boolean {
  const { exactForms } = m.terminal;
  if (exactForms.length > 0 && !exactForms.includes(squashExact(text.slice(m.start, m.nameEnd)))) {
    return false;
  }
  return !capitalisedNeighbour(text, m);
}

/** Runs of consecutive matches joined by ",", "/", "&", "+", "and", "or" (not a bare space). */
function coordinatedGroups(text: string, matches: RawMatch[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  matches.forEach((m, i) => {
    if (current.length > 0 && !COORDINATOR.test(text.slice(matches[i - 1].end, m.start))) {
      groups.push(current);
      current = [];
    }
    current.push(i);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

const COORDINATOR = /^[ \t\u00a0]*(?:,[ \t\u00a0]*(?:and|or)?|\/|&|\+|and|or)[ \t\u00a0]*$/i;
const ITEM_OPENERS = '\n,;:|•·▪●■◦*([{/\t>';
const ITEM_CLOSERS = '\n,;|)]}/';
const SENTENCE_OPENERS = '\n.!?•·▪●■◦*:;"“(';

/** Words that turn a following ambiguous word into a job title ("Executive Chef", "Senior Go"). */
const TITLE_MODIFIERS = new Set([
  'executive',
  'head',
  'sous',
  'pastry',
  'senior',
  'junior',
  'lead',
  'chief',
  'assistant',
  'master',
  'principal',
  'staff',
  'associate',
  'apprentice',
  'trainee',
]);

const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0' || c === '\r';

function prevNonBlank(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && isBlank(text[k])) k--;
  return k;
}

function nextNonBlank(text: string, i: number): number {
  let k = i;
  while (k < text.length && isBlank(text[k])) k++;
  return k;
}

/** The span [start, end) fills a list item on its own: delimited by list punctuation or lines. */
export function isListItem(text: string, start: number, end: number): boolean {
  const b = prevNonBlank(text, start);
  let opened = b < 0 || ITEM_OPENERS.includes(text[b]);
  if (!opened && (text[b] === '-' || text[b] === '–' || text[b] === '—')) {
    const bb = prevNonBlank(text, b);
    opened = bb < 0 || text[bb] === '\n'; // a "- item" bullet at line start
  }
  if (!opened) return false;
  const a = nextNonBlank(text, end);
  if (a >= text.length || ITEM_CLOSERS.includes(text[a])) return true;
  return text[a] === '.' && (a + 1 >= text.length || /\s/.test(text[a + 1]));
}

/** "go-getter", "C-suite", "pre-Spring": glued by a hyphen to a neighbouring word. */
function isCompound(text: string, m: RawMatch): boolean {
  const after = text[m.nameEnd] === '-' && m.nameEnd + 1 < text.length;
  if (after && isWordCode(text, m.nameEnd + 1)) return true;
  return m.start >= 2 && text[m.start - 1] === '-' && isWordCode(text, m.start - 2);
}

function isSentenceInitial(text: string, start: number): boolean {
  const b = prevNonBlank(text, start);
  return b < 0 || SENTENCE_OPENERS.includes(text[b]);
}

function isProseSkill(text: string, m: RawMatch): boolean {
  const written = squashExact(text.slice(m.start, m.nameEnd));
  if (written.length < 2 || !m.terminal.exactForms.includes(written)) return false;
  if (isSentenceInitial(text, m.start)) return false;
  return !capitalisedNeighbour(text, m);
}

/**
 * A Title-Case word right before or after, even a skill: "Office Manager", "Accounting
 * Professional", "Spring Valley". A capitalised sentence opener before counts only when it is a
 * job-title modifier ("Executive Chef"), since "Built React apps" opens with a verb.
 */
function capitalisedNeighbour(text: string, m: RawMatch): boolean {
  const a = nextNonBlank(text, m.end);
  if (a > m.end && /[A-Z]/.test(text[a] ?? '')) return true;
  const b = prevNonBlank(text, m.start);
  if (b < 0 || b === m.start - 1 || !isWordCode(text, b)) return false;
  let s = b;
  while (s > 0 && isWordCode(text, s - 1)) s--;
  if (!/[A-Z]/.test(text[s])) return false;
  return !isSentenceInitial(text, s) || TITLE_MODIFIERS.has(text.slice(s, b + 1).toLowerCase());
}
