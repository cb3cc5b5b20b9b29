import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Db, GridFSBucket, ObjectId } from 'mongodb';
import { Connection } from 'mongoose';
import type { Readable } from 'node:stream';

/** GridFS bucket of original resume bytes: collections `resumes.files` and `resumes.chunks`. */
export const RESUME_BUCKET = 'resumes';

export interface StoredFileMeta {
  orgId: string;
  filename: string;
  contentType: string;
  sha256: string;
}

/** Original resume bytes in GridFS (bucket `resumes`), so every API and worker instance sees them. */
@Injectable()
export class FileStorage {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private cached?: { db: Db; bucket: GridFSBucket };

  /**
   * One bucket per connected database: a bucket checks its indexes once, on its first upload,
   * so a bucket per call costs every upload an extra round trip.
   */
  private bucket(): GridFSBucket {
    const db = this.connection.db;
    if (!db) throw new Error('MongoNotConnectedError: database not connected');
    if (this.cached?.db !== db)
      this.cached = { db, bucket: new GridFSBucket(db, { bucketName: RESUME_BUCKET }) };
    return this.cached.bucket;
  }

  /** Resolves once every chunk is written, so a 202 never precedes durable storage. */
  async save(bytes: Buffer, meta: StoredFileMeta): Promise<string> {
    const upload = this.bucket().openUploadStream(meta.filename, {
      metadata: { orgId: meta.orgId, sha256: meta.sha256, contentType: meta.contentType },
    });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    return upload.id.toString();
  }

  async read(fileId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.openStream(fileId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  openStream(fileId: string): Readable {
    return this.bucket().openDownloadStream(new ObjectId(fileId));
  }

  async delete(fileId: string): Promise<void> {
    try {
      await this.bucket().delete(new ObjectId(fileId));
    } catch (err) {
      if (!/FileNotFound|not found/i.test((err as Error).message)) throw err;
    }
  }
}
