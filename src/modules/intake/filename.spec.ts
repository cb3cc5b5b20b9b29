import { extensionOf, sanitizeFilename } from './filename';

describe(sanitizeFilename.name, () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.pdf', 'cmd.pdf'],
    ['/abs/path/cv.pdf', 'cv.pdf'],
    ['evil\u0000name\u0007.pdf', 'evilname.pdf'],
    ['right-to-left\u202Efdp.exe', 'right-to-leftfdp.exe'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['a<b>c:"d"|e?.pdf', 'a_b_c__d__e_.pdf'],
    ['', 'resume'],
    [undefined, 'resume'],
    ['../', 'resume'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it('keeps unicode letters', () => {
    expect(sanitizeFilename('Zoë Łukasz 履歴書.pdf')).toBe('Zoë Łukasz 履歴書.pdf');
  });

  it('caps the length', () => {
    expect(sanitizeFilename('x'.repeat(500) + '.pdf')).toHaveLength(200);
  });
});

describe(extensionOf.name, () => {
  it('reads the lower-cased extension', () => {
    expect(extensionOf('CV.PDF')).toBe('pdf');
    expect(extensionOf('cv')).toBe('');
  });
});
