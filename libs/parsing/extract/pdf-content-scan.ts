/**
 * Walks decoded PDF content streams just far enough to tell whether any text (or form, which
 * may hold text) is painted in a light fill colour or an invisible render mode. It tracks the
 * fill colour and render mode through `q`/`Q`, so a white page background painted inside its own
 * `q … Q` (as Chrome writes every page) does not count. Unknowns count as light. Like pdf.js's
 * operator list, which `analyzeInk` reads, a colour-space change (`cs`) alone changes nothing.
 */
interface InkState {
  light: boolean;
  invisible: boolean;
}

/** Light enough (luminance ≥ 0.85) to be near-invisible on white; pdf.js's own cut is 0.92. */
const LIGHT = 0.85;
const SHOW_OPS = new Set(['Tj', 'TJ', "'", '"', 'Do']);
/**
 * One token per match: a literal string (two levels of nested parentheses; deeper ones split
 * into harmless pieces), a dictionary bracket, a hex string, a name, a comment, an array bracket,
 * or a run of regular characters (a number or an operator).
 */
const TOKEN =
  /\((?:[^()\\]|\\[\s\S]|\((?:[^()\\]|\\[\s\S])*\))*\)|<<|>>|<[^>]*>|\/[^\s()<>[\]{}/%]*|%[^\n]*|[[\]{}]|[^\s()<>[\]{}/%]+/g;

/** A PDF number token (integer or real, optional sign). */
export const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)`;
/** A colour or render-mode operator with its numeric operands, found without tokenizing. */
const STATE_OP = new RegExp(
  String.raw`(?<![\w.])((?:${NUM}\s+){0,3}${NUM})\s+(rg|g|k|scn|sc|Tr)(?![\w*'"])`,
  'g',
);

/** Whether any operator anywhere sets a light fill or an invisible mode: the walk's premise. */
function anyLightOperator(s: string): boolean {
  const dark: InkState = { light: false, invisible: false };
  for (const m of s.matchAll(STATE_OP)) {
    const st = applyOperator(dark, m[2], m[1].trim().split(/\s+/).map(Number), false);
    if (st.light || st.invisible) return true;
  }
  return false;
}

export function streamMayHideText(s: string): boolean {
  // Most resumes never set a light colour; only those need the token-by-token walk.
  if (!anyLightOperator(s)) return false;
  let st: InkState = { light: false, invisible: false };
  const saved: InkState[] = [];
  const nums: number[] = [];
  let hadName = false;
  const re = new RegExp(TOKEN);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const tok = m[0];
    const c = tok[0];
    if (c === '/') hadName = true;
    if ('(<>[]{}/%'.includes(c)) continue;
    const n = Number(tok);
    if (!Number.isNaN(n)) {
      nums.push(n);
      continue;
    }
    if (tok === 'q') saved.push({ ...st });
    else if (tok === 'Q') st = saved.pop() ?? st;
    else if (tok === 'BI') re.lastIndex = skipInlineImage(s, re.lastIndex);
    else if (SHOW_OPS.has(tok) && (st.light || st.invisible)) return true;
    else st = applyOperator(st, tok, nums, hadName);
    nums.length = 0;
    hadName = false;
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

/** `BI <dict> ID <binary> EI`: the binary data may hold any byte, so jump to ` EI`. */
function skipInlineImage(s: string, i: number): number {
  const id = s.indexOf('ID', i);
  if (id < 0) return s.length;
  const ei = s.slice(id + 3).search(/\sEI(?=\s|$)/);
  return ei < 0 ? s.length : id + 3 + ei + 3;
}
