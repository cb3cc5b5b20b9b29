/**
 * Finds text that a reader cannot see, from a pdf.js operator list: white or near-white fill
 * (unless drawn over a dark filled shape), zero fill alpha, and render modes 3 (invisible) and 7
 * (clip only). Mode 3 over a scanned image is an OCR layer, so it only counts without images.
 * pdf.js numbers its operators in a stable enum; the values below are from pdf.js 5.x.
 */
const OPS = {
  setGState: 9,
  save: 10,
  restore: 11,
  transform: 12,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setTextRenderingMode: 38,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
  setFillColorN: 55,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
  setFillTransparent: 93,
} as const;

const FILL_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const SHOW_OPS = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
]);

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface GlyphInk {
  /** Non-space characters drawn, in content-stream order, with their visibility. */
  chars: string[];
  invisible: boolean[];
  /** Whether the glyph was drawn in a light colour (visible only over a dark shape). */
  light: boolean[];
  darkRects: Rect[];
}

interface GState {
  ctm: number[];
  /** Relative luminance of the fill colour, 0..1; null for patterns/unknown. */
  fillLum: number | null;
  fillAlpha: number;
  renderMode: number;
}

const IDENTITY = [1, 0, 0, 1, 0, 0];
/** Light enough to vanish on white paper. */
const LIGHT_LUMINANCE = 0.92;
/** Filled shapes smaller than this (pt²) are rules and bullets, not backgrounds. */
const MIN_BACKGROUND_AREA = 1500;

export function analyzeInk(ops: OperatorList, hasImages: boolean): GlyphInk {
  const ink: GlyphInk = { chars: [], invisible: [], light: [], darkRects: [] };
  let gs: GState = { ctm: IDENTITY, fillLum: 0, fillAlpha: 1, renderMode: 0 };
  const stack: GState[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(gs);
      gs = { ...gs };
      if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) {
        gs.ctm = multiply(args[0] as number[], gs.ctm);
      }
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) gs = stack.pop() ?? gs;
    else if (fn === OPS.transform && args) gs.ctm = multiply(args as number[], gs.ctm);
    else if (fn === OPS.setFillRGBColor) gs.fillLum = luminance(args?.[0]);
    else if (fn === OPS.setFillColorN) gs.fillLum = null;
    else if (fn === OPS.setFillTransparent) gs.fillAlpha = 0;
    else if (fn === OPS.setGState) gs.fillAlpha = alphaFrom(args?.[0], gs.fillAlpha);
    else if (fn === OPS.setTextRenderingMode) gs.renderMode = Number(args?.[0]) || 0;
    else if (fn === OPS.constructPath) addBackground(ink, gs, args);
    else if (SHOW_OPS.has(fn)) addGlyphs(ink, gs, args, hasImages);
  }
  return ink;
}

function addGlyphs(ink: GlyphInk, gs: GState, args: unknown[] | null, hasImages: boolean): void {
  const glyphs = args?.[fn2GlyphIndex(args)];
  if (!Array.isArray(glyphs)) return;
  const invisible =
    gs.fillAlpha < 0.1 || gs.renderMode === 7 || (gs.renderMode === 3 && !hasImages);
  const light = gs.fillLum !== null && gs.fillLum >= LIGHT_LUMINANCE;
  for (const g of glyphs) {
    const u = (g as { unicode?: unknown } | null)?.unicode;
    if (typeof u !== 'string') continue;
    for (const ch of u) {
      if (/\s/.test(ch)) continue;
      ink.chars.push(ch);
      ink.invisible.push(invisible);
      ink.light.push(light);
    }
  }
}

/** The glyph array is the last array argument (spacing variants put numbers first). */
function fn2GlyphIndex(args: unknown[]): number {
  for (let i = args.length - 1; i >= 0; i--) if (Array.isArray(args[i])) return i;
  return 0;
}

function addBackground(ink: GlyphInk, gs: GState, args: unknown[] | null): void {
  if (!args || !FILL_OPS.has(Number(args[0]))) return;
  if (gs.fillLum === null || gs.fillLum >= 0.6 || gs.fillAlpha < 0.5) return;
  const mm = args[2] as ArrayLike<number> | null;
  if (!mm || mm.length < 4) return;
  const [ax, ay] = apply(gs.ctm, mm[0], mm[1]);
  const [bx, by] = apply(gs.ctm, mm[2], mm[3]);
  const r = {
    x0: Math.min(ax, bx),
    y0: Math.min(ay, by),
    x1: Math.max(ax, bx),
    y1: Math.max(ay, by),
  };
  if ((r.x1 - r.x0) * (r.y1 - r.y0) >= MIN_BACKGROUND_AREA) ink.darkRects.push(r);
}

function luminance(hex: unknown): number | null {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

function alphaFrom(entries: unknown, current: number): number {
  if (!Array.isArray(entries)) return current;
  for (const e of entries) {
    if (Array.isArray(e) && e[0] === 'ca' && typeof e[1] === 'number') return e[1];
  }
  return current;
}

/** m1 applied after m2 (PDF matrices are row vectors: p' = p · m1 · m2). */
function multiply(m1: ArrayLike<number>, m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

export const insideAny = (rects: Rect[], x: number, y: number): boolean =>
  rects.some((r) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1);
