import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ObjectId, type Collection, type Document, type FindCursor } from 'mongodb';
import { Connection } from 'mongoose';
import { RESUME_BUCKET } from '../../infra/storage/file-storage';
import { ResumeSchema } from './resume.schema';

/** How far back a sweep looks (7 days); older orphans, e.g. left while no worker ran, stay. */
export const ORPHAN_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Documents per cursor batch and ids per $in / $or, so no single query grows with the window. */
const PAGE = 500;

export interface SweepBounds {
  /** The oldest upload a sweep looks at. */
  from: Date;
  /** The newest: anything later may belong to an upload still in flight. */
  cutoff: Date;
}

export function sweepBounds(now: Date, graceMs: number, windowMs = ORPHAN_WINDOW_MS): SweepBounds {
  return { from: new Date(now.getTime() - windowMs), cutoff: new Date(now.getTime() - graceMs) };
}

/** The smallest ObjectId of that second, so an `_id` range selects ids by creation time. */
export const idAt = (at: Date): ObjectId =>
  ObjectId.createFromTime(Math.floor(at.getTime() / 1000));

export interface GridFsFileDoc {
  _id: ObjectId;
  metadata?: { orgId?: unknown; sha256?: unknown };
}

/** (orgId, sha256) of each file that has both, as strings: the keys of the resumes' unique index. */
export function resumeKeys(files: GridFsFileDoc[]): { orgId: string; sha256: string }[] {
  const keys: { orgId: string; sha256: string }[] = [];
  for (const { metadata } of files) {
    const { orgId, sha256 } = metadata ?? {};
    if (typeof orgId === 'string' && typeof sha256 === 'string') keys.push({ orgId, sha256 });
  }
  return keys;
}

/** `ids` without those in `referenced`, each once; compared as hex, as resumes keep `fileId` a string. */
export function unreferenced(ids: ObjectId[], referenced: unknown[]): ObjectId[] {
  const seen = new Set(referenced.map(String));
  return ids.filter((id) => {
    const hex = id.toHexString();
    if (seen.has(hex)) return false;
    seen.add(hex);
    return true;
  });
}

/** Groups a cursor's documents into pages of PAGE. */
async function* pages<T>(cursor: FindCursor<T>): AsyncGenerator<T[]> {
  let page: T[] = [];
  try {
    for await (const doc of cursor) {
      page.push(doc);
      if (page.length < PAGE) continue;
      yield page;
      page = [];
    }
    if (page.length) yield page;
  } finally {
    await cursor.close();
  }
}

/**
 * GridFS resume data that nothing owns: files no resume references, chunks whose files doc is
 * missing. Only queries FerretDB v1 runs too (no $lookup): windowed, paged cursors and $in/$or
 * lookups by page.
 */
@Injectable()
export class OrphanFileRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private collection(name: string): Collection<Document> {
    if (!this.connection.db) throw new Error('MongoNotConnectedError: database not connected');
    return this.connection.db.collection(name);
  }

  private get files() {
    return this.collection(`${RESUME_BUCKET}.files`);
  }

  private get chunks() {
    return this.collection(`${RESUME_BUCKET}.chunks`);
  }

  /** Files within the bounds that no resume references, at most `limit`. */
  async findUnreferencedFiles(bounds: SweepBounds, limit: number): Promise<ObjectId[]> {
    // _id is made when the upload opens, so it bounds the window through the _id index;
    // uploadDate is written with the files doc after the last chunk, so it measures the grace.
    const cursor = this.files.find<GridFsFileDoc>(
      { _id: { $gte: idAt(bounds.from) }, uploadDate: { $lt: bounds.cutoff } },
      { projection: { metadata: 1 }, batchSize: PAGE },
    );
    const found: ObjectId[] = [];
    for await (const page of pages(cursor)) {
      found.push(...(await this.withoutResume(page)));
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /**
   * The resumes' unique {orgId, sha256} index finds the usual owner of each file; `fileId` (the
   * truth, but unindexed) is then asked only about the few files that lookup left unowned, so a
   * file is never removed while any resume points at it, whatever its metadata says.
   */
  private async withoutResume(files: GridFsFileDoc[]): Promise<ObjectId[]> {
    const resumes = this.collection(ResumeSchema.get('collection') ?? 'resumes');
    const keys = resumeKeys(files);
    const owners = keys.length
      ? await resumes.find({ $or: keys }, { projection: { fileId: 1 } }).toArray()
      : [];
    const rest = unreferenced(
      files.map((f) => f._id),
      owners.map((r) => r.fileId),
    );
    if (!rest.length) return rest;
    const confirmed = await resumes
      .find({ fileId: { $in: [...rest.map(String), ...rest] } }, { projection: { fileId: 1 } })
      .toArray();
    return unreferenced(
      rest,
      confirmed.map((r) => r.fileId),
    );
  }

  /** `files_id` of chunk groups within the bounds whose files doc is missing, at most `limit`. */
  async findChunkGroupsWithoutFile(bounds: SweepBounds, limit: number): Promise<ObjectId[]> {
    // files_id is made when the upload opens, so its time dates the chunks. With _id left out,
    // MongoDB answers from GridFS's {files_id, n} index without reading the chunks' bytes.
    const cursor = this.chunks.find<{ files_id: ObjectId }>(
      { files_id: { $gte: idAt(bounds.from), $lt: idAt(bounds.cutoff) } },
      { projection: { _id: 0, files_id: 1 }, batchSize: PAGE },
    );
    const found: ObjectId[] = [];
    for await (const page of pages(cursor)) {
      const ids = unreferenced(
        page.map((c) => c.files_id),
        found,
      );
      if (!ids.length) continue;
      const present = await this.files
        .find({ _id: { $in: ids } }, { projection: { _id: 1 } })
        .toArray();
      found.push(
        ...unreferenced(
          ids,
          present.map((f) => f._id),
        ),
      );
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /** Deletes only chunks (never a files doc, which an upload slower than the grace may yet write). */
  async deleteChunkGroups(fileIds: ObjectId[]): Promise<number> {
    if (!fileIds.length) return 0;
    const { deletedCount } = await this.chunks.deleteMany({ files_id: { $in: fileIds } });
    return deletedCount;
  }
}
