import { repairMojibake } from './mojibake';

/**
 * Canonical text for profile building. Every later offset (Span) refers to this text, so the
 * steps are deterministic and never depend on anything but the input.
 */
export interface NormalizedText {
  text: string;
  mojibakeRepaired: boolean;
}

const LIGATURES: Record<string, string> = {
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
  Ĳ: 'IJ',
  ĳ: 'ij',
};

/**
 * Bullet glyphs, including the Symbol/Wingdings private-use code points that Word exports
 * (U+F0A7, U+F0B7, U+F0D8, …) and checkmarks/arrows used as list markers.
 */
const BULLETS =
  /[•◦▪▫●○■□◆◇►▶▸‣⁃∙➢➣➤➔✓✔✗✘❖✦✧★☆♦❑❒⚫⦿\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8\uf06c\uf06e\uf0d2]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

export function normalizeTextDetailed(raw: string): NormalizedText {
  let t = raw.replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n');
  const mojibake = repairMojibake(t);
  t = mojibake.text
    .replace(/[\ufb00-\ufb06\u0132\u0133]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[\u2212\u2010\u2011]/g, '-')
    .replace(/·(?=\s)|(?<=^|\s)·/gm, '•')
    .replace(BULLETS, '•');
  return { text: tidyWhitespace(t), mojibakeRepaired: mojibake.repaired };
}

export function normalizeText(raw: string): string {
  return normalizeTextDetailed(raw).text;
}

/** One space between words, one tab between same-line fields, at most one blank line. */
function tidyWhitespace(t: string): string {
  return t
    .split('\n')
    .map((line) =>
      line
        .replace(/[ ]*\t[ \t]*/g, '\t')
        .replace(/ {2,}/g, ' ')
        .replace(/^[ \t]+|[ \t]+$/g, '')
        .replace(/^•(?=\S)/, '• '),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
