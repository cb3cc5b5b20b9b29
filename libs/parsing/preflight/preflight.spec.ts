import { sniffFileKind } from '../file-kind';
import { fixture, thrownCode } from '../test-support/fixtures';
import { preflightFile } from './preflight';
import { decodeText, detectTextEncoding } from './text-decode';
import { readCentralDirectory } from './zip-reader';

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\nstartxref\n0\n%%EOF\n`, 'latin1');

describe('sniffFileKind', () => {
  it.each([
    ['resume-single-column.pdf', 'pdf'],
    ['resume.docx', 'docx'],
    ['hostile/macro-enabled.docm', 'docx'],
    ['resume-utf8.txt', 'txt'],
    ['resume-latin1.txt', 'txt'],
    ['resume-utf16le-bom.txt', 'txt'],
    ['hostile/binary-renamed.txt', null],
  ])('%s → %s', (file, kind) => {
    expect(sniffFileKind(fixture(file))).toBe(kind);
  });

  it('ignores the extension and rejects other binaries and zips', () => {
    expect(
      sniffFileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    ).toBeNull(); // legacy .doc
    expect(sniffFileKind(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'))).toBeNull();
    expect(sniffFileKind(Buffer.alloc(0))).toBeNull();
  });

  it('finds a PDF header after leading junk', () => {
    expect(sniffFileKind(Buffer.from('\n\n  %PDF-1.7\n...', 'latin1'))).toBe('pdf');
  });
});

describe('text encodings', () => {
  it.each([
    [Buffer.from('\ufeffCafé', 'utf8'), 'utf-8', 'Café'],
    [Buffer.from('Café résumé', 'utf8'), 'utf-8', 'Café résumé'],
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë', 'utf16le')]), 'utf-16le', 'Zoë'],
    [
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Zoë', 'utf16le').swap16()]),
      'utf-16be',
      'Zoë',
    ],
    [Buffer.from('Plain résumé text', 'utf16le'), 'utf-16le', 'Plain résumé text'],
  ])('detects and decodes %#', (buf, enc, text) => {
    expect(detectTextEncoding(buf)).toBe(enc);
    expect(decodeText(buf, enc as never)).toBe(text);
  });

  it('decodes Windows-1252 punctuation', () => {
    const buf = Buffer.from([0x4d, 0x61, 0x6c, 0x6d, 0xf6, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94]);
    expect(detectTextEncoding(buf)).toBe('windows-1252');
    expect(decodeText(buf, 'windows-1252')).toBe('Malmö – “x”');
  });

  it('refuses bytes with NULs or control characters', () => {
    expect(detectTextEncoding(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x7f]))).toBeNull();
    expect(detectTextEncoding(fixture('hostile/binary-renamed.txt'))).toBeNull();
  });
});

describe('preflightFile', () => {
  it.each([
    ['resume-single-column.pdf', 'pdf'],
    ['resume-two-column.pdf', 'pdf'],
    ['resume.docx', 'docx'],
    ['resume-utf8.txt', 'txt'],
    ['hostile/image-only.pdf', 'pdf'],
  ] as const)('lets %s through', (file, kind) => {
    expect(() => preflightFile(fixture(file), kind)).not.toThrow();
  });

  it.each([
    ['hostile/encrypted.pdf', 'pdf', 'PARSE.ENCRYPTED_PDF'],
    ['hostile/truncated.pdf', 'pdf', 'PARSE.TRUNCATED'],
    ['hostile/javascript-openaction.pdf', 'pdf', 'PARSE.ACTIVE_CONTENT'],
    ['hostile/blank-pages-2000.pdf', 'pdf', 'PARSE.TOO_MANY_PAGES'],
    ['hostile/flate-bomb.pdf', 'pdf', 'PARSE.COMPRESSION_BOMB'],
    ['hostile/zip-bomb.docx', 'docx', 'PARSE.ZIP_BOMB'],
    ['hostile/zip-bomb-lying-sizes.docx', 'docx', 'PARSE.ZIP_BOMB'],
    ['hostile/billion-laughs.docx', 'docx', 'PARSE.XML_DTD'],
    ['hostile/xxe.docx', 'docx', 'PARSE.XML_DTD'],
    ['hostile/rlink-local-file.docx', 'docx', 'PARSE.EXTERNAL_REFERENCE'],
    ['hostile/macro-enabled.docm', 'docx', 'PARSE.MACRO_ENABLED'],
    ['hostile/single-line-5mb.txt', 'txt', 'PARSE.TEXT_TOO_LARGE'],
    ['hostile/binary-renamed.txt', 'txt', 'PARSE.BINARY_TEXT'],
    ['resume-utf8.txt', 'docx', 'PARSE.TRUNCATED'],
  ] as const)('%s as %s → %s', (file, kind, code) => {
    expect(thrownCode(() => preflightFile(fixture(file), kind))).toBe(code);
  });

  it('refuses empty and oversized files', () => {
    expect(thrownCode(() => preflightFile(Buffer.alloc(0), 'pdf'))).toBe('PARSE.EMPTY_FILE');
    expect(thrownCode(() => preflightFile(Buffer.alloc(6 * 1024 * 1024, 0x20), 'txt'))).toBe(
      'PARSE.FILE_TOO_LARGE',
    );
  });

  it('refuses a single text line longer than 20,000 characters', () => {
    expect(thrownCode(() => preflightFile(Buffer.from('a'.repeat(20_001)), 'txt'))).toBe(
      'PARSE.LINE_TOO_LONG',
    );
  });

  it('allows an /OpenAction that is only a destination (LaTeX hyperref writes one)', () => {
    expect(() =>
      preflightFile(pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj'), 'pdf'),
    ).not.toThrow();
    expect(() =>
      preflightFile(
        pdf('1 0 obj << /OpenAction 5 0 R >> endobj\n5 0 obj [3 0 R /FitH null] endobj'),
        'pdf',
      ),
    ).not.toThrow();
  });

  it.each([
    [
      'an /OpenAction reference to an action',
      '1 0 obj << /OpenAction 5 0 R >> endobj\n5 0 obj << /S /Launch /F (calc.exe) >> endobj',
    ],
    ['a launch action', '<< /A << /S /Launch /F (cmd) >> >>'],
    ['a JavaScript name tree', '<< /Names << /JavaScript 7 0 R >> >>'],
    ['a /JS string', '<< /S /JavaScript /JS (app.alert(1)) >>'],
    ['additional actions', '<< /AA << /O 9 0 R >> >>'],
    ['a submit-form action', '<< /S /SubmitForm /F (https://x.example) >>'],
  ])('refuses %s', (_label, body) => {
    expect(thrownCode(() => preflightFile(pdf(body), 'pdf'))).toBe('PARSE.ACTIVE_CONTENT');
  });

  it('refuses a PDF with an /Encrypt dictionary', () => {
    expect(
      thrownCode(() => preflightFile(pdf('trailer << /Root 1 0 R /Encrypt 9 0 R >>'), 'pdf')),
    ).toBe('PARSE.ENCRYPTED_PDF');
  });
});

describe('readCentralDirectory', () => {
  it('lists the entries of a DOCX with their declared sizes', () => {
    const entries = readCentralDirectory(fixture('resume.docx'));
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    expect(entries.every((e) => e.uncompressedSize > 0 && !e.encrypted)).toBe(true);
  });

  it('reports a zip without its end record as truncated', () => {
    const docx = fixture('resume.docx');
    expect(thrownCode(() => readCentralDirectory(docx.subarray(0, docx.length - 30)))).toBe(
      'PARSE.TRUNCATED',
    );
  });
});
