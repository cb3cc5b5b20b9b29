import mammoth from 'mammoth';
import { preflightDocx } from '../preflight/docx-preflight';
import { readCentralDirectory, readEntry } from '../preflight/zip-reader';
import type { ExtractedText } from './extract.types';

/**
 * DOCX text: the body through mammoth (external file access stays off, its default), plus the
 * page headers and footers, which mammoth skips but where templates often put contact details.
 */
export async function extractDocx(buf: Buffer): Promise<ExtractedText> {
  preflightDocx(buf);
  const body = await mammoth.extractRawText({ buffer: buf });
  const { headers, footers } = headerFooterText(buf);
  // mammoth ends every paragraph with a blank line; one newline per paragraph reads like the page.
  const main = body.value.replace(/\n\n/g, '\n');
  const text = [headers, main, footers].filter((t) => t.trim()).join('\n');
  return { text, needsOcr: false };
}

function headerFooterText(buf: Buffer): { headers: string; footers: string } {
  const parts = readCentralDirectory(buf)
    .filter((e) => /^word\/(header|footer)\d*\.xml$/.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const text = (kind: string) => {
    const seen = new Set<string>();
    return parts
      .filter((e) => e.name.startsWith(`word/${kind}`))
      .map((e) => wordXmlToText(readEntry(buf, e).toString('utf8')))
      .filter((t) => t.trim() && !seen.has(t) && seen.add(t))
      .join('\n');
  };
  return { headers: text('header'), footers: text('footer') };
}

/** Paragraph text of a WordprocessingML part; fallbacks of alternate content are dropped. */
export function wordXmlToText(xml: string): string {
  const lines: string[] = [];
  const clean = xml.replace(/<mc:Fallback>[^]*?<\/mc:Fallback>/g, '');
  for (const p of clean.matchAll(/<w:p[ >][^]*?<\/w:p>/g)) {
    let line = '';
    for (const m of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/g)) {
      if (m[2] === 'tab') line += '\t';
      else if (m[2] === 'br') line += '\n';
      else line += decodeEntities(m[1]);
    }
    if (line.trim()) lines.push(line);
  }
  return lines.join('\n');
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? '';
  });
}
