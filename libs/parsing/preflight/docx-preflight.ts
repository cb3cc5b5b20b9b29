import { LIMITS } from '../limits';
import { parseError, PARSE_ERRORS } from '../parse-errors';
import { checkZipBudget, readCentralDirectory, readEntry, type ZipEntry } from './zip-reader';

/**
 * DOCX checks before mammoth sees the file: zip budget, macros, DTDs in any XML part (billion
 * laughs, XXE) and relationships that reach outside the document.
 */
export function preflightDocx(buf: Buffer): void {
  const entries = readCentralDirectory(buf);
  checkZipBudget(entries);
  if (entries.some((e) => e.encrypted))
    throw parseError(PARSE_ERRORS.NOT_DOCX, 'zip entries are encrypted');
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw parseError(PARSE_ERRORS.NOT_DOCX, 'zip has no word/document.xml');
  }
  const macro = entries.find((e) =>
    /(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$|^word\/activeX\//i.test(e.name),
  );
  if (macro)
    throw parseError(
      PARSE_ERRORS.MACRO_ENABLED,
      `document carries macros or ActiveX (${macro.name})`,
    );
  const xmlParts = entries.filter((e) => /\.(xml|rels)$/i.test(e.name));
  const xmlBytes = xmlParts.reduce((n, e) => n + e.uncompressedSize, 0);
  if (xmlBytes > LIMITS.zip.maxXmlBytes) {
    throw parseError(PARSE_ERRORS.ZIP_BOMB, `document XML inflates to ${xmlBytes} bytes`, {
      bytes: xmlBytes,
    });
  }
  for (const e of xmlParts) {
    const xml = readEntry(buf, e).toString('utf8');
    checkXmlPart(e, xml);
  }
}

function checkXmlPart(e: ZipEntry, xml: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw parseError(PARSE_ERRORS.XML_DTD, `${e.name} declares a DTD or entities`);
  }
  if (e.name === '[Content_Types].xml' && /macroEnabled/i.test(xml)) {
    throw parseError(PARSE_ERRORS.MACRO_ENABLED, 'document content type is macro-enabled (.docm)');
  }
  if (e.name.endsWith('.rels')) checkRelationships(e.name, xml);
}

/** Relationship types through which Word loads or runs another document. */
const ACTIVE_REL = /\/(attachedTemplate|subDocument|oleObject|frame|package)$/;
const WEB_TARGET = /^(https?:\/\/|mailto:)/i;

function checkRelationships(part: string, xml: string): void {
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const tag = m[0];
    if (!/TargetMode\s*=\s*["']External["']/i.test(tag)) continue;
    const target = decodeXmlAttr(/\bTarget\s*=\s*"([^"]*)"|\bTarget\s*=\s*'([^']*)'/.exec(tag));
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? '';
    if (!WEB_TARGET.test(target.trim()) || ACTIVE_REL.test(type)) {
      throw parseError(PARSE_ERRORS.EXTERNAL_REFERENCE, `${part} links to an external resource`, {
        relationshipType: type.split('/').pop(),
      });
    }
  }
}

function decodeXmlAttr(m: RegExpExecArray | null): string {
  const v = m ? (m[1] ?? m[2] ?? '') : '';
  return v.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(+d));
}
