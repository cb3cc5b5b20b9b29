import { fixture, rejectionCode } from '../test-support/fixtures';
import { extractText } from './extract-text';
import { shutdownExtractors } from './extraction-runner';

afterAll(() => shutdownExtractors());

/**
 * The extraction child re-checks what preflight checks on raw bytes, through pdf.js and the zip
 * reader; these tests call it directly so that the second line of defence is exercised too.
 */
describe('extractText (child process)', () => {
  it('returns text, page count and no OCR flag for a text PDF', async () => {
    const r = await extractText(fixture('resume-single-column.pdf'), 'pdf');
    expect(r.pages).toBe(1);
    expect(r.needsOcr).toBe(false);
    expect(r.text.split('\n')[0]).toBe('Marisol Quintero-Vance');
  });

  it('keeps same-line fields apart with a tab', async () => {
    const r = await extractText(fixture('resume-two-column.pdf'), 'pdf');
    expect(r.text).toContain('Frontend Engineer\nCascade Outfitters LLC | Jan 2020 – Present');
  });

  it('reports white and 1-point text as hidden spans', async () => {
    const r = await extractText(fixture('resume-hidden-text.pdf'), 'pdf');
    expect(r.hiddenTexts).toEqual([
      'Python Kubernetes Terraform Rust Python Kubernetes Terraform Rust',
      'TensorFlow Machine Learning Haskell',
    ]);
    for (const s of r.hiddenSpans ?? [])
      expect(r.text.slice(s.start, s.end)).toMatch(/Kubernetes|TensorFlow/);
  });

  it('marks an image-only PDF as needing OCR', async () => {
    const r = await extractText(fixture('hostile/image-only.pdf'), 'pdf');
    expect(r).toMatchObject({ needsOcr: true, pages: 1, text: '' });
  });

  it.each([
    ['hostile/encrypted.pdf', 'pdf', 'PARSE.ENCRYPTED_PDF'],
    ['hostile/javascript-openaction.pdf', 'pdf', 'PARSE.ACTIVE_CONTENT'],
    ['hostile/blank-pages-2000.pdf', 'pdf', 'PARSE.TOO_MANY_PAGES'],
    ['hostile/zip-bomb.docx', 'docx', 'PARSE.ZIP_BOMB'],
    ['hostile/zip-bomb-lying-sizes.docx', 'docx', 'PARSE.ZIP_BOMB'],
    ['hostile/billion-laughs.docx', 'docx', 'PARSE.XML_DTD'],
    ['hostile/rlink-local-file.docx', 'docx', 'PARSE.EXTERNAL_REFERENCE'],
    ['hostile/macro-enabled.docm', 'docx', 'PARSE.MACRO_ENABLED'],
    ['hostile/binary-renamed.txt', 'txt', 'PARSE.BINARY_TEXT'],
  ] as const)('%s is refused by the extractor itself (%s → %s)', async (file, kind, code) => {
    expect(await rejectionCode(extractText(fixture(file), kind))).toBe(code);
  });

  it('refuses a truncated PDF it cannot read', async () => {
    const code = await rejectionCode(
      extractText(fixture('resume-single-column.pdf').subarray(0, 300), 'pdf'),
    );
    expect(['PARSE.MALFORMED_PDF', 'PARSE.EXTRACTION_FAILED']).toContain(code);
  });

  it('applies a caller-given page cap', async () => {
    expect(
      await rejectionCode(extractText(fixture('resume-single-column.pdf'), 'pdf', { maxPages: 0 })),
    ).toBe('PARSE.TOO_MANY_PAGES');
  });

  it('kills a flate bomb at the memory cap while the event loop keeps running', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const code = await rejectionCode(
      extractText(fixture('hostile/flate-bomb.pdf'), 'pdf', {
        maxMemoryMb: 256,
        timeoutMs: 15_000,
      }),
    );
    clearInterval(timer);
    expect(['PARSE.RESOURCE_LIMIT', 'PARSE.TIMEOUT']).toContain(code);
    // pdf.js would starve timers in-process; in the child the parent's timers keep firing.
    expect(ticks).toBeGreaterThan(0);
  });

  it('kills the child at the time limit', async () => {
    const code = await rejectionCode(
      extractText(fixture('hostile/flate-bomb.pdf'), 'pdf', { timeoutMs: 1, maxMemoryMb: 2048 }),
    );
    expect(code).toBe('PARSE.TIMEOUT');
  });

  it('works again after a child was killed', async () => {
    const r = await extractText(fixture('resume.docx'), 'docx');
    expect(r.text).toContain('Priya Raghunathan');
    expect(r.text).toContain('Tamarind Retail Pvt Ltd');
  });
});
