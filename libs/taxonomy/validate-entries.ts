import { formVariants } from './form-variants';
import { SkillEntry } from './skill.types';
import { tokenize } from './tokenizer';

/**
 * Integrity problems of a taxonomy, empty when sound: duplicate canonicals, a form (canonical or
 * alias, after case/punctuation normalisation) claimed by two entries, forms that the tokenizer
 * would split at a hard break (so they could never match text), bad ambiguity markers.
 */
export function validateEntries(entries: readonly SkillEntry[]): string[] {
  const problems: string[] = [];
  const canonicals = new Map<string, string>();
  const forms = new Map<string, string>();
  for (const e of entries) {
    const lower = e.canonical.toLowerCase();
    if (canonicals.has(lower)) problems.push(`duplicate canonical "${e.canonical}"`);
    canonicals.set(lower, e.canonical);
    if (!e.category || !e.source) problems.push(`"${e.canonical}" lacks category or source`);
    for (const alias of e.ambiguousAliases ?? []) {
      if (!e.aliases.includes(alias)) problems.push(`"${e.canonical}": "${alias}" not an alias`);
    }
    for (const form of e.listOnly ?? []) {
      const marked = form === e.canonical ? e.ambiguous : e.ambiguousAliases?.includes(form);
      if (!marked) problems.push(`"${e.canonical}": list-only "${form}" not marked ambiguous`);
    }
    for (const form of [e.canonical, ...e.aliases]) {
      problems.push(...checkForm(form, e.canonical, forms));
    }
  }
  return problems;
}

function checkForm(form: string, canonical: string, owners: Map<string, string>): string[] {
  const tokens = tokenize(form);
  if (tokens.keys.length === 0) return [`"${canonical}": empty form "${form}"`];
  if (tokens.hardBefore.slice(1).some(Boolean)) {
    return [`"${canonical}": form "${form}" contains a hard break`];
  }
  const key = formVariants(form)[0].join(' ');
  const owner = owners.get(key);
  if (owner !== undefined && owner !== canonical) {
    return [`form "${form}" of "${canonical}" already belongs to "${owner}"`];
  }
  owners.set(key, canonical);
  return [];
}
