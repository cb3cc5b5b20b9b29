import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import Redis from 'ioredis';
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { orphansRemoved } from '../../src/common/metrics/pipeline-metrics';
import { RESUME_BUCKET } from '../../src/infra/storage/file-storage';
import {
  ORPHAN_SWEEP_LOCK_KEY,
  OrphanFileSweeper,
} from '../../src/modules/resumes/orphan-file.sweeper';
import { waitForMongo } from '../helpers/auth';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { dropDatabase } from '../helpers/processes';
import { createTestApp, createTestWorker } from '../helpers/test-app';

const MINUTE = 60_000;
/** A unique ObjectId as if generated at `at`. */
const idMadeAt = (at: Date) => new ObjectId(ObjectId.generate(Math.floor(at.getTime() / 1000)));
const ORG = 'org-orphans';

/**
 * The worker's sweep for GridFS resume data that Mongo dying mid-upload leaves behind, against the
 * real Mongo-protocol server. Age comes from the stored timestamps (ids made for a past second,
 * uploadDate set back), so nothing sleeps through the 10-minute grace.
 */
describe('orphaned resume files', () => {
  let redis: LocalServer & { url: string };
  let worker: INestApplication;
  let api: INestApplication;
  let client: Redis;
  let db: Db;

  beforeAll(async () => {
    await dropDatabase(process.env.MONGO_URI!); // exact counts below; this suite's own database
    redis = await privateRedis();
    await redis.start();
    // The sweep runs only when the test ticks it.
    worker = await createTestWorker({
      REDIS_URL: redis.url,
      ORPHAN_SWEEP_MINUTES: '0',
      ORPHAN_GRACE_SECONDS: '600',
    });
    api = await createTestApp({ REDIS_URL: redis.url });
    client = new Redis(redis.url);
    await waitForMongo(worker);
    db = worker.get<Connection>(getConnectionToken(), { strict: false }).db!;
  });

  afterAll(async () => {
    client?.disconnect();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  /** A 3-chunk file as an upload at `at` would have left it: id of that second, uploadDate `at`. */
  async function storeFile(at: Date, sha256: string): Promise<ObjectId> {
    const bucket = new GridFSBucket(db, { bucketName: RESUME_BUCKET, chunkSizeBytes: 1024 });
    const id = idMadeAt(at);
    await new Promise<void>((resolve, reject) => {
      const up = bucket.openUploadStreamWithId(id, 'cv.txt', {
        metadata: { orgId: ORG, sha256, contentType: 'text/plain' },
      });
      up.once('finish', () => resolve()).once('error', reject);
      up.end(randomBytes(3000));
    });
    await db
      .collection(`${RESUME_BUCKET}.files`)
      .updateOne({ _id: id }, { $set: { uploadDate: at } });
    return id;
  }

  async function insertResume(fileId: ObjectId, sha256: string): Promise<void> {
    await db.collection('resumes').insertOne({
      orgId: ORG,
      fileId: fileId.toHexString(),
      sha256,
      filename: 'cv.txt',
      kind: 'txt',
      size: 3000,
      parseStatus: 'pending',
    });
  }

  /** Chunks of an upload that opened at `at` and never wrote its files doc. */
  async function insertChunks(at: Date): Promise<ObjectId> {
    const filesId = idMadeAt(at);
    await db.collection(`${RESUME_BUCKET}.chunks`).insertMany(
      [0, 1].map((n) => ({
        _id: idMadeAt(at),
        files_id: filesId,
        n,
        data: randomBytes(1024),
      })),
    );
    return filesId;
  }

  const fileCount = async (id: ObjectId) =>
    db.collection(`${RESUME_BUCKET}.files`).countDocuments({ _id: id });
  const chunkCount = async (id: ObjectId) =>
    db.collection(`${RESUME_BUCKET}.chunks`).countDocuments({ files_id: id });

  it('runs only in the worker', () => {
    expect(worker.get(OrphanFileSweeper, { strict: false })).toBeInstanceOf(OrphanFileSweeper);
    expect(() => api.get(OrphanFileSweeper, { strict: false })).toThrow();
  });

  it('removes unreferenced files and fileless chunks past the grace, and keeps the rest', async () => {
    const now = Date.now();
    const old = new Date(now - 60 * MINUTE);
    const referenced = await storeFile(old, 'sha-referenced');
    await insertResume(referenced, 'sha-referenced');
    // Referenced by fileId only: its metadata matches no resume's (orgId, sha256).
    const referencedById = await storeFile(old, 'sha-metadata-differs');
    await insertResume(referencedById, 'sha-other');
    // Lost a race to identical bytes: a resume has its sha256 but points at the winner's file.
    const winner = await storeFile(old, 'sha-raced');
    await insertResume(winner, 'sha-raced');
    const loser = await storeFile(old, 'sha-raced');
    const orphan = await storeFile(old, 'sha-orphan');
    const young = await storeFile(new Date(now - MINUTE), 'sha-young'); // may be in flight
    // Outside the 7-day window each sweep is bounded to.
    const ancient = await storeFile(new Date(now - 8 * 24 * 60 * MINUTE), 'sha-ancient');
    const oldChunks = await insertChunks(old);
    const youngChunks = await insertChunks(new Date(now - MINUTE));
    const removedBefore = await removedCount();

    const sweeper = worker.get(OrphanFileSweeper, { strict: false });
    await client.del(ORPHAN_SWEEP_LOCK_KEY);
    expect(await sweeper.tick()).toEqual({ files: 2, chunks: 2 });

    for (const id of [loser, orphan, oldChunks]) {
      expect(await fileCount(id)).toBe(0);
      expect(await chunkCount(id)).toBe(0);
    }
    for (const id of [referenced, referencedById, winner, young, ancient]) {
      expect(await fileCount(id)).toBe(1);
      expect(await chunkCount(id)).toBe(3);
    }
    expect(await chunkCount(youngChunks)).toBe(2);
    const removedAfter = await removedCount();
    expect(removedAfter.file - removedBefore.file).toBe(2);
    expect(removedAfter.chunk - removedBefore.chunk).toBe(2);

    // One sweep per period: the lock is held, so a second tick (any worker's) does nothing.
    await storeFile(old, 'sha-late-orphan');
    expect(await sweeper.tick()).toBeUndefined();
    await client.del(ORPHAN_SWEEP_LOCK_KEY);
    expect(await sweeper.tick()).toEqual({ files: 1, chunks: 0 });
  });
});

/** The removal counter by kind (this process's registry: the worker runs in-process). */
async function removedCount(): Promise<{ file: number; chunk: number }> {
  const values = (await orphansRemoved().get()).values;
  const of = (kind: string) => values.find((v) => v.labels.kind === kind)?.value ?? 0;
  return { file: of('file'), chunk: of('chunk') };
}
