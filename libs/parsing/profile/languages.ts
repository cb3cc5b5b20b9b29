import type { LanguageEntry, Section } from '../profile.types';
import type { Line } from './lines';

/** Spoken languages with an optional proficiency, from Languages sections and phrases elsewhere. */
const LANGUAGES = [
  'English',
  'Spanish',
  'French',
  'German',
  'Italian',
  'Portuguese',
  'Dutch',
  'Russian',
  'Polish',
  'Ukrainian',
  'Czech',
  'Slovak',
  'Hungarian',
  'Romanian',
  'Bulgarian',
  'Greek',
  'Turkish',
  'Arabic',
  'Hebrew',
  'Persian',
  'Farsi',
  'Urdu',
  'Hindi',
  'Bengali',
  'Bangla',
  'Punjabi',
  'Gujarati',
  'Marathi',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Odia',
  'Oriya',
  'Assamese',
  'Nepali',
  'Sinhala',
  'Chinese',
  'Mandarin',
  'Cantonese',
  'Japanese',
  'Korean',
  'Vietnamese',
  'Thai',
  'Indonesian',
  'Malay',
  'Tagalog',
  'Filipino',
  'Swahili',
  'Amharic',
  'Yoruba',
  'Hausa',
  'Igbo',
  'Zulu',
  'Afrikaans',
  'Swedish',
  'Norwegian',
  'Danish',
  'Finnish',
  'Icelandic',
  'Estonian',
  'Latvian',
  'Lithuanian',
  'Serbian',
  'Croatian',
  'Bosnian',
  'Slovenian',
  'Albanian',
  'Macedonian',
  'Armenian',
  'Georgian',
  'Kazakh',
  'Uzbek',
  'Catalan',
  'Basque',
  'Galician',
  'Irish',
  'Welsh',
  'Latin',
  'Sanskrit',
  'Haitian Creole',
  'Somali',
  'Pashto',
  'Sign Language',
  'ASL',
  'Konkani',
  'Sindhi',
  'Kashmiri',
  'Tulu',
];
const LANG_RE = new RegExp(`\\b(${LANGUAGES.join('|')})\\b`, 'g');
const PROFICIENCY =
  /\b(native(?: speaker)?|mother tongue|bilingual|fluent|fluency|proficient|full professional(?: proficiency)?|professional working(?: proficiency)?|working proficiency|limited working(?: proficiency)?|conversational|intermediate|advanced|basic|elementary|beginner|good|excellent|read(?:ing)?|writ(?:e|ing)|speak(?:ing)?|[ABC][12])\b/i;

export function extractLanguages(
  text: string,
  lines: Line[],
  sections: Section[],
): LanguageEntry[] {
  const out = new Map<string, LanguageEntry>();
  for (const s of sections.filter((x) => x.name === 'languages')) {
    for (const l of lines.filter((x) => x.start >= s.span.start && x.end <= s.span.end)) {
      for (const e of languagesInLine(l)) if (!out.has(e.language)) out.set(e.language, e);
    }
  }
  const phrase = new RegExp(
    `\\b(?:fluent|native|bilingual|proficient|conversational)\\s+(?:in\\s+)?(${LANGUAGES.join('|')})\\b|\\b(${LANGUAGES.join('|')})\\s*\\((native|fluent|bilingual|conversational|intermediate|basic|professional[^)]*)\\)`,
    'gi',
  );
  for (const m of text.matchAll(phrase)) {
    const language = canonicalName(m[1] ?? m[2]);
    if (!language || out.has(language)) continue;
    const start = m.index ?? 0;
    out.set(language, {
      language,
      proficiency: proficiencyOf(m[0]),
      span: { start, end: start + m[0].length },
    });
  }
  return [...out.values()];
}

/** Whether a section labelled "Languages" lists spoken languages (not Python, Java, …). */
export function hasSpokenLanguage(s: string): boolean {
  return new RegExp(LANG_RE.source).test(s);
}

function languagesInLine(l: Line): LanguageEntry[] {
  const out: LanguageEntry[] = [];
  const parts = [...l.text.matchAll(/[^,;|•/]+/g)];
  for (const p of parts) {
    for (const m of p[0].matchAll(LANG_RE)) {
      const language = canonicalName(m[1]);
      if (!language) continue;
      const start = l.start + (p.index ?? 0);
      out.push({
        language,
        proficiency: proficiencyOf(p[0]),
        span: { start, end: start + p[0].trimEnd().length },
      });
    }
  }
  return out;
}

function canonicalName(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const hit = LANGUAGES.find((x) => x.toLowerCase() === s.toLowerCase());
  return hit === 'Farsi' ? 'Persian' : hit === 'Bangla' ? 'Bengali' : hit;
}

function proficiencyOf(s: string): string | undefined {
  const m = PROFICIENCY.exec(s);
  return m ? m[1].toLowerCase() : undefined;
}
