import { bm25, cosine, fitTextStats, tfidfVector } from './text-stats';
import { stem, tokenize } from './tokenize';

describe(tokenize.name, () => {
  it('keeps technical tokens and drops stopwords, pronouns and bare numbers', () => {
    expect(tokenize('She used C++, C#, .NET and Node.js in 2019 with 5 teams')).toEqual([
      'c++',
      'c#',
      'net',
      'node.js',
      'team',
    ]);
  });

  it('stems plurals and common suffixes so word forms meet', () => {
    expect(stem('developers')).toBe(stem('developer'));
    expect(stem('managing')).toBe(stem('manage'));
    expect(stem('aws')).toBe('aws');
  });
});

describe('TF-IDF and BM25', () => {
  const stats = fitTextStats([
    'python data pipeline',
    'python web api',
    'nurse patient ward',
    'nurse hospital patient',
  ]);

  it('gives identical texts cosine 1 and disjoint ones 0', () => {
    const v = tfidfVector(tokenize('python data pipeline'), stats);
    expect(cosine(v, v)).toBeCloseTo(1);
    expect(cosine(v, tfidfVector(tokenize('nurse ward'), stats))).toBe(0);
  });

  it('normalises BM25 into [0, 1) and ranks the matching document first', () => {
    const q = tokenize('python pipeline');
    const hit = bm25(q, tokenize('python data pipeline'), stats);
    const miss = bm25(q, tokenize('nurse patient ward'), stats);
    expect(hit).toBeGreaterThan(miss);
    expect(hit).toBeLessThan(1);
  });
});
