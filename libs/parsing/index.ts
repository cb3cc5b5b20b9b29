/** Resume parsing: file → text → structured profile. No Nest imports, shared by worker and CLI. */
export type { FileKind } from './file-kind';
export { sniffFileKind } from './file-kind';
export { preflightFile } from './preflight/preflight';
export { extractText } from './extract/extract-text';
export type { ExtractedText, ExtractOptions } from './extract/extract.types';
export { shutdownExtractors } from './extract/extraction-runner';
export { buildProfile, type ProfileMeta } from './profile/build-profile';
export { parseResume, type ParseOptions } from './parse-resume';
export { toJsonResume, type JsonResume } from './json-resume';
export { normalizeText } from './normalize/normalize-text';
export { classifyDegree } from './profile/degree';
export { PARSE_ERRORS, type ParseErrorCode } from './parse-errors';
export { LIMITS } from './limits';
export * from './profile.types';
