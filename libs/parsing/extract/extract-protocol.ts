import type { ExtractedText } from './extract.types';

/** Messages between the parser and its extraction child (structured-clone serialisation). */
export interface ExtractRequest {
  kind: 'pdf' | 'docx';
  data: Uint8Array;
  maxPages: number;
}

export type ExtractReply =
  | { ok: true; result: ExtractedText }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };
