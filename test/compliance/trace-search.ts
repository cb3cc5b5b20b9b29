import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { BSON } from 'mongodb';
import type { Connection } from 'mongoose';
import type Redis from 'ioredis';

/** Every document of every collection (GridFS chunks included) whose BSON bytes contain a needle. */
export async function mongoTraces(app: INestApplication, needles: string[]): Promise<string[]> {
  const db = app.get<Connection>(getConnectionToken()).db;
  if (!db) throw new Error('not connected');
  const wanted = needles.map((n) => Buffer.from(n, 'utf8'));
  const hits: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for await (const doc of db.collection(name).find({})) {
      const bytes = Buffer.from(BSON.serialize(doc));
      for (const [i, w] of wanted.entries())
        if (bytes.includes(w)) hits.push(`${name}/${String(doc._id)} contains ${needles[i]}`);
    }
  }
  return hits;
}

async function valuesOf(redis: Redis, key: string): Promise<string[]> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return [(await redis.getBuffer(key))?.toString('latin1') ?? ''];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flat();
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, 0, -1);
    case 'stream':
      return (await redis.xrange(key, '-', '+')).flatMap(([id, fields]) => [id, ...fields]);
    default:
      return [];
  }
}

/** Every Redis key whose name or value contains a needle. */
export async function redisTraces(redis: Redis, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const text = [key, ...(await valuesOf(redis, key))].join('\n');
      for (const n of needles) if (text.includes(n)) hits.push(`${key} contains ${n}`);
    }
  } while (cursor !== '0');
  return hits;
}
