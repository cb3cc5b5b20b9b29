/**
 * Repair of UTF-8 text that was decoded as Windows-1252 or Latin-1 (`NaÃ¯ve` → `Naïve`,
 * `â€™` → `’`). A run is only rewritten when its characters map back to bytes that form a valid
 * multi-byte UTF-8 sequence, which ordinary Latin text practically never does.
 */

/** Windows-1252 code points 0x80–0x9F that differ from Latin-1. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const RUN = /[\u0080-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{2,}/g;

function byteOf(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp <= 0xff ? cp : (CP1252_HIGH[ch] ?? -1);
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it is not a lead byte. */
function seqLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

const strict = new TextDecoder('utf-8', { fatal: true });

function repairRun(run: string): string {
  const chars = [...run];
  let out = '';
  for (let i = 0; i < chars.length;) {
    const n = seqLength(byteOf(chars[i]));
    if (n > 0 && i + n <= chars.length) {
      const bytes = chars.slice(i, i + n).map(byteOf);
      if (bytes.slice(1).every((b) => b >= 0x80 && b <= 0xbf)) {
        try {
          out += strict.decode(Uint8Array.from(bytes));
          i += n;
          continue;
        } catch {
          // not a valid sequence (overlong, surrogate): keep the characters as they are
        }
      }
    }
    out += chars[i];
    i++;
  }
  return out;
}

/** Returns the repaired text; two passes undo double-encoded text (`Ã¢â‚¬â„¢`). */
export function repairMojibake(text: string): { text: string; repaired: boolean } {
  let out = text;
  for (let pass = 0; pass < 2; pass++) {
    const next = out.replace(RUN, repairRun);
    if (next === out) break;
    out = next;
  }
  return { text: out, repaired: out !== text };
}
