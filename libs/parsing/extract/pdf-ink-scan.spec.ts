import { deflateSync } from 'node:zlib';
import { fixture } from '../test-support/fixtures';
import { mayHideText } from './pdf-ink-scan';

/** A one-object PDF fragment around `content`; the scanner needs streams, not a valid file. */
function pdfWith(content: string, opts: { flate?: boolean; filter?: string; dict?: string } = {}) {
  const body = opts.flate ? deflateSync(Buffer.from(content, 'latin1')) : Buffer.from(content);
  const filter = opts.filter ?? (opts.flate ? '/Filter /FlateDecode ' : '');
  const head = `%PDF-1.7\n4 0 obj\n<< ${filter}${opts.dict ?? ''}/Length ${body.length} >>\nstream\n`;
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
}

const scan = (buf: Buffer) => mayHideText(buf, buf.toString('latin1'));
const DARK_TEXT = 'BT /F1 11 Tf 0 0 0 rg 72 700 Td (Jane Doe) Tj 0.2 g (Engineer) Tj ET';

describe('mayHideText', () => {
  it('clears dark, opaque text in plain and Flate streams', () => {
    expect(scan(pdfWith(DARK_TEXT))).toBe(false);
    expect(scan(pdfWith(DARK_TEXT, { flate: true }))).toBe(false);
  });

  it.each([
    ['white RGB fill', '1 1 1 rg'],
    ['near-white gray fill', '0.95 g'],
    ['white CMYK fill', '0 0 0 0 k'],
    ['invisible render mode', '3 Tr'],
    ['clip-only render mode', '7 Tr'],
    ['a one-operand colour that may be a zero tint', '/CS0 cs 0 scn'],
    ['a light three-operand colour', '/CS1 cs 0.97 0.97 0.97 sc'],
  ])('suspects %s', (_what, op) => {
    expect(scan(pdfWith(`BT ${op} 72 700 Td (Python Kubernetes) Tj ET`, { flate: true }))).toBe(
      true,
    );
  });

  it('reads operators only as whole tokens', () => {
    // "1 g" inside a word or a font name is not a gray fill.
    expect(scan(pdfWith('BT /F1g 11 Tf 0 g 72 700 Td (Using 2.1gx) Tj 0 0 0 k ET'))).toBe(false);
  });

  it('follows q/Q: a white page background in its own q … Q leaves later text dark', () => {
    const chrome = 'q 1 1 1 rg 0 0 612 792 re f Q BT 0 0 0 rg 72 700 Td (Jane) Tj ET';
    expect(scan(pdfWith(chrome, { flate: true }))).toBe(false);
    const leaked = 'q 1 1 1 rg 0 0 612 792 re f BT 72 700 Td (Hidden) Tj ET Q';
    expect(scan(pdfWith(leaked, { flate: true }))).toBe(true);
  });

  it('reads a page content split across streams as one, and suspects forms drawn light', () => {
    const split = Buffer.concat([
      pdfWith('BT /F1 9 Tf 1 1', { flate: true }),
      pdfWith('1 rg 72 700 Td (Python) Tj ET', { flate: true }),
    ]);
    expect(scan(split)).toBe(true);
    expect(scan(pdfWith('q 1 g /Fm0 Do Q', { flate: true }))).toBe(true);
  });

  it('skips strings and inline image data', () => {
    expect(scan(pdfWith('BT 0 g (1 1 1 rg \\) (x) Tj) Tj ET'))).toBe(false);
    const image = 'BI /W 4 /H 1 /BPC 8 /CS /G ID 1 1 1 rg (x) Tj\nEI BT 0 g (ok) Tj ET';
    expect(scan(pdfWith(image))).toBe(false);
  });

  it('suspects a near-zero fill alpha in an ExtGState, in or out of streams', () => {
    const gs = Buffer.from('%PDF-1.7\n5 0 obj\n<< /Type /ExtGState /ca 0.05 >>\nendobj\n');
    expect(scan(Buffer.concat([gs, pdfWith(DARK_TEXT)]))).toBe(true);
    expect(scan(pdfWith('<< /GS1 << /ca 0 >> >>', { flate: true }))).toBe(true);
    expect(scan(pdfWith('<< /GS1 << /ca 0.5 >> >>', { flate: true }))).toBe(false);
  });

  it('treats streams it cannot read as suspect, and skips images and fonts', () => {
    expect(scan(pdfWith(DARK_TEXT, { filter: '/Filter [/ASCII85Decode /FlateDecode] ' }))).toBe(
      true,
    );
    expect(scan(pdfWith('not zlib', { filter: '/Filter /FlateDecode ' }))).toBe(true);
    expect(scan(pdfWith('1 1 1 rg', { dict: '/Subtype /Image ' }))).toBe(false);
    expect(scan(pdfWith('1 1 1 rg', { flate: true, dict: '/Length1 900 ' }))).toBe(false);
  });

  it('suspects the generated resumes that draw white text, and clears the plain one', () => {
    const check = (name: string) => {
      const buf = fixture(name);
      return mayHideText(buf, buf.toString('latin1'));
    };
    expect(check('resume-hidden-text.pdf')).toBe(true);
    expect(check('resume-two-column.pdf')).toBe(true);
    expect(check('resume-single-column.pdf')).toBe(false);
  });
});
