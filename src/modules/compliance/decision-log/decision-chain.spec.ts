import {
  ChainContent,
  ChainEntry,
  ChainVerifier,
  entryHash,
  GENESIS_HASH,
  sealEntry,
  sha256Hex,
} from './decision-chain';

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: ChainContent = {
      orgId: 'org1',
      seq,
      prevHash: prev,
      at: new Date(Date.UTC(2025, 0, seq)),
      actor: { sub: seq % 2 ? 'system' : 'recruiter-1', kind: seq % 2 ? 'system' : 'user' },
      action: seq % 2 ? 'application.scored' : 'decision.recorded',
      applicationId: `app${seq}`,
      jobId: 'job1',
      jobRevision: 1,
      inputSha256: sha256Hex(`input${seq}`),
      modelVersion: 'v1',
      modelSha256: 'f'.repeat(64),
      score: 70 + seq / 3,
      label: 'strong_fit',
      contributions: [{ feature: 'required_skill_coverage', points: 12.5 }],
      explanation: [{ text: 'Has 4 of 5 required skills', impact: 'positive' }],
      decision: seq % 2 ? null : 'reject',
      reason: seq % 2 ? null : 'Chose Jane Roe (jane@example.com) instead',
      requestId: null,
    };
    const e = sealEntry(content);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

function verify(entries: ChainEntry[], headSeq = entries.length) {
  const v = new ChainVerifier();
  for (const e of entries) if (!v.push(e)) break;
  return { broken: v.finish(headSeq), checked: v.checked, head: v.headHash };
}

describe(ChainVerifier.name, () => {
  it('accepts an intact chain and reports its head hash', () => {
    const entries = chain(4);
    expect(verify(entries)).toEqual({ broken: undefined, checked: 4, head: entries[3].hash });
  });

  it('links each entry to the previous one', () => {
    const [a, b] = chain(2);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(entryHash(b)).toBe(b.hash);
  });

  it('detects an edited score at the edited entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], score: 99 };
    expect(verify(entries).broken).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });

  it('detects an edited reason through its commitment', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], reason: 'Not a fit' };
    expect(verify(entries).broken).toMatchObject({ seq: 2, problem: 'content_mismatch' });
  });

  it('detects an entry rewritten and re-hashed, at the next link', () => {
    const entries = chain(4);
    const forged = { ...entries[1], decision: 'advance' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(verify(entries).broken).toMatchObject({ seq: 3, problem: 'prev_hash_mismatch' });
  });

  it('detects a deleted entry and a truncated tail', () => {
    const entries = chain(4);
    expect(verify([entries[0], entries[2], entries[3]]).broken).toMatchObject({
      seq: 3,
      problem: 'seq_gap',
    });
    expect(verify(entries.slice(0, 3), 4).broken).toMatchObject({ seq: 4, problem: 'truncated' });
  });

  it('still verifies after erasure drops personal text but keeps its hash', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], reason: null, explanation: null, erasedAt: new Date() };
    expect(verify(entries).broken).toBeUndefined();
  });

  it('flags personal text removed without an erasure record', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], reason: null };
    expect(verify(entries).broken).toMatchObject({ seq: 2, problem: 'content_removed' });
  });

  it('starts from a retention anchor instead of genesis', () => {
    const entries = chain(5);
    const v = new ChainVerifier({ seq: 2, hash: entries[1].hash });
    for (const e of entries.slice(2)) v.push(e);
    expect(v.finish(5)).toBeUndefined();
    expect(v.checked).toBe(3);
  });
});
