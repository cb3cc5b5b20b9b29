import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createOrgWithToken } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob, example, textResume, upload } from './intake-helpers';

const hostile = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'resumes', 'hostile', name));

/** A minimal stored (uncompressed) zip with one entry: a zip that is not a DOCX. */
function plainZip(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fname = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fname.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fname.length, 12);
  end.writeUInt32LE(local.length + fname.length + data.length, 16);
  return Buffer.concat([local, fname, data, central, fname, end]);
}

describe('upload validation: every bad input gets its code, and nothing is stored', () => {
  let app: INestApplication;
  let token: string;
  let jobId: string;

  beforeAll(async () => {
    app = await createTestApp();
    ({ token } = await createOrgWithToken(app, ['recruiter']));
    jobId = (await createJob(app, token)).id;
  });
  afterAll(async () => app?.close());

  const cases: [string, number, string, string, () => Buffer][] = [
    ['oversized', 413, 'RESUME.TOO_LARGE', 'big.txt', () => Buffer.alloc(5 * 1024 * 1024 + 1, 'a')],
    ['empty', 400, 'RESUME.EMPTY_FILE', 'empty.pdf', () => Buffer.alloc(0)],
    [
      'wrong magic bytes',
      415,
      'RESUME.UNSUPPORTED_TYPE',
      'photo.pdf',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    ],
    [
      'an executable renamed .pdf',
      415,
      'RESUME.UNSUPPORTED_TYPE',
      'cv.pdf',
      () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]),
    ],
    [
      'a zip that is not a DOCX',
      415,
      'RESUME.UNSUPPORTED_TYPE',
      'cv.docx',
      () => plainZip('notes.txt', 'hello'),
    ],
    ['a DOCX zip bomb', 413, 'PARSE.ZIP_BOMB', 'cv.docx', () => hostile('zip-bomb.docx')],
    [
      'a DOCX whose sizes lie',
      413,
      'PARSE.ZIP_BOMB',
      'cv.docx',
      () => hostile('zip-bomb-lying-sizes.docx'),
    ],
    ['an encrypted PDF', 400, 'PARSE.ENCRYPTED_PDF', 'cv.pdf', () => hostile('encrypted.pdf')],
    [
      'a macro-enabled document',
      400,
      'PARSE.MACRO_ENABLED',
      'cv.docm',
      () => hostile('macro-enabled.docm'),
    ],
    [
      'a PDF that runs JavaScript',
      400,
      'PARSE.ACTIVE_CONTENT',
      'cv.pdf',
      () => hostile('javascript-openaction.pdf'),
    ],
    [
      'a binary renamed .txt',
      415,
      'RESUME.UNSUPPORTED_TYPE',
      'cv.txt',
      () => hostile('binary-renamed.txt'),
    ],
    [
      'a PDF named .docx',
      415,
      'RESUME.TYPE_MISMATCH',
      'cv.docx',
      () => example('ana-costa-backend.pdf'),
    ],
  ];

  it.each(cases)('%s → %i %s', async (_name, status, code, filename, bytes) => {
    const res = await upload(app, token, jobId, bytes(), filename);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });

  it('strips path traversal from file names', async () => {
    const res = await upload(app, token, jobId, textResume('traversal'), '../../etc/passwd.txt');
    expect(res.status).toBe(202);
    const resume = await request(app.getHttpServer())
      .get(`/resumes/${res.body.resumeId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(resume.body.filename).toBe('passwd.txt');
  });

  it('accepts a unicode file name', async () => {
    const res = await upload(app, token, jobId, textResume('unicode'), 'Zoë Łukasz 履歴書.txt');
    expect(res.status).toBe(202);
    const resume = await request(app.getHttpServer())
      .get(`/resumes/${res.body.resumeId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(resume.body.filename).toBe('Zoë Łukasz 履歴書.txt');
  });

  it('needs a "file" field', async () => {
    const res = await request(app.getHttpServer())
      .post(`/jobs/${jobId}/applications`)
      .set('Authorization', `Bearer ${token}`)
      .field('source', 'portal');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESUME.FILE_MISSING');
  });

  it('takes one file on the single endpoint', async () => {
    const res = await request(app.getHttpServer())
      .post(`/jobs/${jobId}/applications`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', textResume('two-1'), 'a.txt')
      .attach('file', textResume('two-2'), 'b.txt');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESUME.TOO_MANY_FILES');
  });

  it('refuses a body that is not multipart', async () => {
    const res = await request(app.getHttpServer())
      .post(`/jobs/${jobId}/applications`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('just text');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('COMMON.UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.error.message).toContain('multipart/form-data');
  });

  it('answers 404 for an unknown job and 409 for a job that is not open', async () => {
    const unknown = await upload(
      app,
      token,
      '6650c2f1e4b0a1b2c3d4e5f6',
      textResume('nojob'),
      'cv.txt',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('JOB.NOT_FOUND');
    const draft = await createJob(app, token, { status: 'draft' });
    const res = await upload(app, token, draft.id, textResume('draft'), 'cv.txt');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('JOB.NOT_OPEN');
  });

  it('answers 404 for another org’s job', async () => {
    const other = await createOrgWithToken(app, ['recruiter']);
    const res = await upload(app, other.token, jobId, textResume('foreign'), 'cv.txt');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('JOB.NOT_FOUND');
  });

  it('stores nothing for a rejected file, and exactly one copy of an accepted one', async () => {
    const db = app.get<Connection>(getConnectionToken()).db!;
    const stored = async (bytes: Buffer) => {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const files = await db
        .collection('resumes.files')
        .countDocuments({ 'metadata.sha256': sha256 });
      const docs = await db.collection('resumes').countDocuments({ sha256 });
      return files + docs;
    };
    const bad = Buffer.concat([Buffer.from('MZ'), Buffer.from(`unique-reject-${Date.now()}`)]);
    expect((await upload(app, token, jobId, bad, 'x.pdf')).status).toBe(415);
    expect(await stored(bad)).toBe(0);
    const good = textResume(`stored-${Date.now()}`);
    expect((await upload(app, token, jobId, good, 'x.txt')).status).toBe(202);
    expect(await stored(good)).toBe(2);
  });
});
