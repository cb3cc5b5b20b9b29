/**
 * Creates a set of models' indexes once, before their first write. Mongoose's autoIndex runs at
 * model compile time, before the lazily opened connection exists, and fails silently here; the
 * compliance collections rely on unique indexes for correctness (the decision log's {orgId, seq}),
 * so they do not depend on it. A failure is retried on the next call.
 */
export class IndexGate {
  private ready?: Promise<void>;

  constructor(private readonly models: () => { createIndexes(): Promise<unknown> }[]) {}

  async ensure(): Promise<void> {
    this.ready ??= Promise.all(this.models().map((m) => m.createIndexes())).then(() => undefined);
    try {
      await this.ready;
    } catch (err) {
      this.ready = undefined;
      throw err;
    }
  }
}
