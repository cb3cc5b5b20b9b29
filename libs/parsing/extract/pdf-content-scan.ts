/**
 * Walks decoded PDF content streams just far enough to tell whether any text (or form, which
 * may hold text) is painted in a light fill colour or an invisible render mode. It tracks the
 * fill colour and render mode through `q`/`Q`, so a white page background painted inside its own
 * `q … Q` (as Chrome writes every page) does not count. Unknowns count as light.
 */
interface InkState {
  light: boolean;
  invisible: boolean;
}

/** Light enough (luminance ≥ 0.85) to be near-invisible on white; pdf.js's own cut is 0.92. */
const LIGHT = 0.85;
const SHOW_OPS = new Set(['Tj', 'TJ', "'", '"', 'Do']);
const DELIMITERS = '()<>[]{}/%';

export function streamMayHideText(s: string): boolean {
  let st: InkState = { light: false, invisible: false };
  const saved: InkState[] = [];
  const nums: number[] = [];
  let hadName = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c <= ' ') i++;
    else if (c === '(') i = skipString(s, i);
    else if (c === '<') i = s[i + 1] === '<' ? i + 2 : skipTo(s, i, '>');
    else if (c === '%') i = skipTo(s, i, '\n');
    else if (c === '/') [i, hadName] = [skipRegular(s, i + 1), true];
    else if ('>[]{}'.includes(c)) i++;
    else {
      const end = skipRegular(s, i + 1);
      const tok = s.slice(i, end);
      i = end;
      const n = Number(tok);
      if (!Number.isNaN(n)) {
        nums.push(n);
        continue;
      }
      if (tok === 'q') saved.push({ ...st });
      else if (tok === 'Q') st = saved.pop() ?? st;
      else if (tok === 'BI') i = skipInlineImage(s, i);
      else if (SHOW_OPS.has(tok) && (st.light || st.invisible)) return true;
      else st = applyOperator(st, tok, nums, hadName);
      nums.length = 0;
      hadName = false;
    }
  }
  return false;
}

function applyOperator(st: InkState, op: string, nums: number[], hadName: boolean): InkState {
  const last = (n: number) => nums.slice(-n);
  switch (op) {
    case 'Tr':
      return { ...st, invisible: [3, 7].includes(last(1)[0]) };
    case 'g':
      return { ...st, light: last(1)[0] >= LIGHT };
    case 'rg':
      return { ...st, light: rgbLight(last(3)) };
    case 'k':
      return { ...st, light: cmykLight(last(4)) };
    case 'cs':
      // A new colour space's initial colour may be a palette entry or a zero tint.
      return { ...st, light: true };
    case 'sc':
    case 'scn':
      // A name alone is a pattern: pdf.js treats its colour as unknown, not light.
      return { ...st, light: hadName && nums.length === 0 ? false : colourNLight(nums) };
    default:
      return st;
  }
}

/**
 * `sc`/`scn` take operands in the current colour space, which is not tracked: one operand may be
 * gray (1 is white), a separation tint (0 is no ink) or a palette index, so only a mid-range
 * value is known to be dark. Three are RGB or Lab, four are CMYK.
 */
function colourNLight(args: number[]): boolean {
  if (args.length === 1) return !(args[0] > 0.15 && args[0] < LIGHT);
  if (args.length === 3) return args[0] > 1 || rgbLight(args);
  if (args.length === 4) return cmykLight(args);
  return true;
}

function rgbLight([r, g, b]: number[]): boolean {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b >= LIGHT;
}

function cmykLight([c, m, y, k]: number[]): boolean {
  return rgbLight([(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]);
}

function skipRegular(s: string, i: number): number {
  while (i < s.length && s[i] > ' ' && !DELIMITERS.includes(s[i])) i++;
  return i;
}

function skipTo(s: string, i: number, ch: string): number {
  const j = s.indexOf(ch, i + 1);
  return j < 0 ? s.length : j + 1;
}

/** A literal string: balanced parentheses, backslash escapes. */
function skipString(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** `BI <dict> ID <binary> EI`: the binary data may hold any byte, so jump to ` EI`. */
function skipInlineImage(s: string, i: number): number {
  const id = s.indexOf('ID', i);
  if (id < 0) return s.length;
  const ei = s.slice(id + 3).search(/\sEI(?=\s|$)/);
  return ei < 0 ? s.length : id + 3 + ei + 3;
}
