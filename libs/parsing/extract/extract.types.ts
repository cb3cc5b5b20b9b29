import type { Span } from '../profile.types';

export interface ExtractOptions {
  /** Wall-clock limit for the extraction child, ms. */
  timeoutMs?: number;
  maxPages?: number;
  /** Resident-memory cap for the extraction child, MiB. */
  maxMemoryMb?: number;
}

export interface ExtractedText {
  /** Raw extracted text (not yet normalised), pages separated by a blank line. */
  text: string;
  pages?: number;
  /** Image-only PDF: little or no text but embedded images. */
  needsOcr: boolean;
  /** Offsets into `text` of text a reader cannot see (white, tiny, off-page, invisible). */
  hiddenSpans?: Span[];
  /** The hidden strings themselves, for callers that re-normalise the text. */
  hiddenTexts?: string[];
  /** Text encoding of a TXT upload. */
  encoding?: string;
}
