/**
 * Loads pdf-parse without its side effects on the process. Its bundle carries core-js, which
 * replaces `Array.prototype.push`, `JSON.parse` and `Function.prototype.toString` with slower
 * spec-polyfills on load (about a fifth of extraction time went to the polyfilled `push`, and IPC
 * decoding uses `JSON.parse`). Node 20's built-ins already do what pdf.js needs, so the originals
 * are put back; the polyfills only add edge cases (arrays near 2^32 elements, JSON source access).
 */
const TARGETS: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
];
const saved = TARGETS.map(([obj, key]) => Object.getOwnPropertyDescriptor(obj, key)!);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('pdf-parse') as typeof import('pdf-parse');

TARGETS.forEach(([obj, key], i) => Object.defineProperty(obj, key, saved[i]));

export const PDFParse = loaded.PDFParse;
export type PDFParse = import('pdf-parse').PDFParse;
