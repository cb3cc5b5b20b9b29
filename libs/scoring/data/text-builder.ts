import type { Span } from '../../parsing/profile.types';

/** Appends text and returns the span of what was appended, for profiles synthesised from records. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;

  add(s: string): Span {
    const start = this.length;
    this.parts.push(s);
    this.length += s.length;
    return { start, end: this.length };
  }

  line(s = ''): Span {
    const span = this.add(s);
    this.add('\n');
    return span;
  }

  /** Adds items joined by `sep`, returning each item's span. */
  list(items: readonly string[], sep: string): Span[] {
    return items.map((item, i) => {
      if (i > 0) this.add(sep);
      return this.add(item);
    });
  }

  get position(): number {
    return this.length;
  }

  toString(): string {
    return this.parts.join('');
  }
}
