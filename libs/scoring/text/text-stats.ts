import type { CategoryAffinity } from '../features/category-affinity';
import { tokenize } from './tokenize';

/**
 * Document-frequency statistics fitted on the training corpus (resume and job texts) and shipped
 * with each model as `models/screening-<version>.stats.json`. Label-free by construction.
 */
export interface TextStats {
  version: 1;
  /** Documents the statistics were fitted on. */
  docCount: number;
  /** Mean token count per document, for BM25 length normalisation. */
  avgDocLength: number;
  /** Smoothed IDF per token: ln((1 + N) / (1 + df)) + 1. Tokens seen in fewer than 2 documents are omitted. */
  idf: Record<string, number>;
  /** Taxonomy-category relatedness learned from training resumes (see category-affinity.ts). */
  categoryAffinity?: CategoryAffinity;
}

/** A sparse, L2-normalised TF-IDF vector. */
export type SparseVector = Map<string, number>;

export function fitTextStats(documents: Iterable<string>, minDf = 2): TextStats {
  const df = new Map<string, number>();
  let docCount = 0;
  let totalLength = 0;
  for (const doc of documents) {
    const tokens = tokenize(doc);
    docCount += 1;
    totalLength += tokens.length;
    for (const tok of new Set(tokens)) df.set(tok, (df.get(tok) ?? 0) + 1);
  }
  const idf: Record<string, number> = {};
  for (const tok of [...df.keys()].sort()) {
    const n = df.get(tok) ?? 0;
    if (n >= minDf) idf[tok] = round6(Math.log((1 + docCount) / (1 + n)) + 1);
  }
  return { version: 1, docCount, avgDocLength: docCount ? totalLength / docCount : 0, idf };
}

/** IDF of a token; unseen (or rare) tokens get the IDF of a token seen once. */
export function idfOf(stats: TextStats, token: string): number {
  return stats.idf[token] ?? Math.log((1 + stats.docCount) / 2) + 1;
}

export function termCounts(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Sublinear TF (1 + ln tf) times IDF, L2-normalised. */
export function tfidfVector(tokens: readonly string[], stats: TextStats): SparseVector {
  const vec: SparseVector = new Map();
  let norm = 0;
  for (const [tok, n] of termCounts(tokens)) {
    const w = (1 + Math.log(n)) * idfOf(stats, tok);
    vec.set(tok, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [tok, w] of vec) vec.set(tok, w / norm);
  return vec;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [tok, w] of small) dot += w * (large.get(tok) ?? 0);
  return dot;
}

/**
 * BM25 of a document against a query, divided by the query's self-score bound (sum of its IDFs)
 * so that it lies in [0, 1) and is comparable across jobs with long and short descriptions.
 */
export function bm25(
  queryTokens: readonly string[],
  docTokens: readonly string[],
  stats: TextStats,
  k1 = 1.2,
  b = 0.75,
): number {
  const tf = termCounts(docTokens);
  const lengthNorm = 1 - b + (b * docTokens.length) / Math.max(stats.avgDocLength, 1);
  let score = 0;
  let bound = 0;
  for (const tok of new Set(queryTokens)) {
    const idf = idfOf(stats, tok);
    const n = tf.get(tok) ?? 0;
    score += (idf * (n * (k1 + 1))) / (n + k1 * lengthNorm);
    bound += idf * (k1 + 1);
  }
  return bound > 0 ? score / bound : 0;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
