import { PDFParse } from './pdf-parse.loader';
import { parseError, PARSE_ERRORS } from '../parse-errors';
import type { ExtractedText } from './extract.types';
import { layoutPage, type TextRun } from './pdf-layout';
import { analyzeInk, insideAny, type GlyphInk, type OperatorList } from './pdf-hidden-text';
import { mayHideText } from './pdf-ink-scan';

/** The slice of pdf.js's document/page API used here (pdf-parse bundles pdf.js 5.4.296). */
interface PdfPage {
  view: number[];
  getViewport(p: { scale: number }): { width: number; height: number };
  getTextContent(p: { disableNormalization: boolean }): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<OperatorList>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getJSActions(): Promise<Record<string, unknown> | null>;
}
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Text below this size (pt) is the "1-point font" keyword-stuffing trick. */
const TINY_FONT_PT = 2.5;
/** Fewer visible characters per page than this, with images present, means a scanned page. */
const OCR_CHARS_PER_PAGE = 40;

export async function extractPdf(data: Uint8Array, maxPages: number): Promise<ExtractedText> {
  const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const hasImages = /\/Subtype\s*\/Image\b/.test(raw);
  const inkCheck = mayHideText(data, raw);
  const parser = new PDFParse({
    data,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    // Image pixels are never needed for text; tiny caps make pdf.js skip decoding them.
    maxImageSize: 1,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await loadDocument(parser);
    if (doc.numPages > maxPages) {
      throw parseError(
        PARSE_ERRORS.TOO_MANY_PAGES,
        `PDF has ${doc.numPages} pages (limit ${maxPages})`,
        {
          pages: doc.numPages,
          maxPages,
        },
      );
    }
    if (await doc.getJSActions()) {
      throw parseError(PARSE_ERRORS.ACTIVE_CONTENT, 'PDF contains document-level JavaScript');
    }
    return await readPages(doc, { hasImages, inkCheck });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

interface PageOptions {
  hasImages: boolean;
  /** Whether to walk the operator list for invisible glyphs (see mayHideText). */
  inkCheck: boolean;
}

async function readPages(doc: PdfDocument, opts: PageOptions): Promise<ExtractedText> {
  let text = '';
  const hiddenSpans: { start: number; end: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const runs = await pageRuns(page, opts);
    const laid = layoutPage(runs, page.getViewport({ scale: 1 }).width);
    if (text && laid.text) text += '\n\n';
    for (const [s, e] of laid.hidden)
      hiddenSpans.push({ start: text.length + s, end: text.length + e });
    text += laid.text;
    page.cleanup();
  }
  const visibleChars =
    text.replace(/\s/g, '').length - hiddenSpans.reduce((n, h) => n + h.end - h.start, 0);
  const needsOcr = opts.hasImages && visibleChars < OCR_CHARS_PER_PAGE * doc.numPages;
  return {
    text,
    pages: doc.numPages,
    needsOcr,
    hiddenSpans,
    hiddenTexts: hiddenSpans.map((h) => text.slice(h.start, h.end)),
  };
}

const NO_INK: GlyphInk = { chars: [], invisible: [], light: [], darkRects: [] };

async function pageRuns(page: PdfPage, opts: PageOptions): Promise<TextRun[]> {
  const [x0, y0, x1, y1] = page.view;
  const content = await page.getTextContent({ disableNormalization: true });
  const ink = opts.inkCheck ? analyzeInk(await page.getOperatorList(), opts.hasImages) : NO_INK;
  const items = content.items.filter(
    (it): it is PdfTextItem => typeof (it as PdfTextItem).str === 'string',
  );
  const flags = alignInk(items, ink);
  return items.map((it, i) => {
    const [, , , , x, y] = it.transform;
    const h = it.str.trim() ? it.height : 0;
    const offPage = x + it.width < x0 || x > x1 || y < y0 || y > y1;
    const tiny = h > 0 && h < TINY_FONT_PT;
    return {
      str: it.str,
      x: x - x0,
      y: y - y0,
      w: it.width,
      h,
      hidden: flags[i] || offPage || tiny,
    };
  });
}

/**
 * Maps glyph visibility from the operator list onto text items. Both follow content-stream order,
 * so a forward walk over non-space characters pairs them; a short look-ahead resynchronises after
 * characters that one side drops. An item is hidden when most of its characters are.
 */
function alignInk(items: PdfTextItem[], ink: GlyphInk): boolean[] {
  let j = 0;
  return items.map((it) => {
    let hidden = 0;
    let total = 0;
    const [, , , , x, y] = it.transform;
    const overDark = insideAny(ink.darkRects, x + it.width / 2, y + it.height / 3);
    for (const ch of it.str) {
      if (/\s/.test(ch)) continue;
      total++;
      const k = findAhead(ink.chars, ch, j);
      if (k < 0) continue;
      j = k + 1;
      if (ink.invisible[k] || (ink.light[k] && !overDark)) hidden++;
    }
    return total > 0 && hidden / total > 0.5;
  });
}

function findAhead(chars: string[], ch: string, from: number): number {
  const stop = Math.min(chars.length, from + 64);
  for (let k = from; k < stop; k++) if (chars[k] === ch) return k;
  return -1;
}

/** pdf-parse keeps pdf.js's document private; its `load()` is the documented way it opens one. */
async function loadDocument(parser: PDFParse): Promise<PdfDocument> {
  try {
    return await (parser as unknown as { load(): Promise<PdfDocument> }).load();
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException')
      throw parseError(PARSE_ERRORS.ENCRYPTED_PDF, 'PDF is password-protected');
    throw parseError(PARSE_ERRORS.MALFORMED_PDF, `PDF cannot be read: ${(err as Error).message}`);
  }
}
