import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../common/errors';
import type { ModelCard } from './model-card.types';

const CARD_RE = /^screening-(\d+\.\d+\.\d+(?:[-+][\w.]+)?)\.json$/;

/** Versions that have a model card in `dir`, newest first. */
export function listModelVersions(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => CARD_RE.exec(f)?.[1])
    .filter((v): v is string => !!v)
    .sort(compareVersions)
    .reverse();
}

/**
 * The version to load: an explicit one, else `MODEL_VERSION`, else models/active.json
 * (`{"version": "x.y.z"}`), else the newest card.
 */
export function resolveModelVersion(dir: string, explicit?: string): string {
  const fromEnv = process.env.MODEL_VERSION?.trim();
  if (explicit) return explicit;
  if (fromEnv) return fromEnv;
  const activePath = join(dir, 'active.json');
  if (existsSync(activePath)) {
    const active = JSON.parse(readFileSync(activePath, 'utf8')) as { version?: string };
    if (active.version) return active.version;
  }
  const newest = listModelVersions(dir)[0];
  if (!newest)
    throw new DomainError('MODEL.NOT_FOUND', `no screening model card in ${dir}`, 'unavailable');
  return newest;
}

export function readModelCard(dir: string, version: string): ModelCard {
  const path = join(dir, `screening-${version}.json`);
  if (!existsSync(path))
    throw new DomainError('MODEL.NOT_FOUND', `model card ${path} not found`, 'unavailable');
  return JSON.parse(readFileSync(path, 'utf8')) as ModelCard;
}

/** Reads a file the card names and checks its sha256, so a swapped or truncated file never loads. */
export function readVerified(dir: string, file: string, sha256: string): Buffer {
  const buf = readFileSync(join(dir, file));
  const actual = createHash('sha256').update(buf).digest('hex');
  if (actual !== sha256) {
    throw new DomainError(
      'MODEL.CHECKSUM_MISMATCH',
      `${file}: sha256 ${actual} does not match the model card`,
      'unavailable',
    );
  }
  return buf;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
