/**
 * Resource limits of the parsing pipeline. Sizes in bytes unless the name says otherwise; every
 * limit is checked before the expensive step it protects.
 */
export const LIMITS = {
  /** Largest upload the parser accepts at all (the upload endpoint enforces the same cap). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Plain-text resumes: decoded text longer than this is not a resume. */
  maxTextFileBytes: 1024 * 1024,
  /** A single line this long in a text file is a fuzzing or ReDoS attempt, not prose. */
  maxLineChars: 20_000,
  /** Text handed to profile building is cut here so that every regex stays linear and cheap. */
  maxProfileChars: 200_000,
  zip: {
    maxEntries: 2_000,
    maxTotalUncompressed: 64 * 1024 * 1024,
    maxEntryUncompressed: 32 * 1024 * 1024,
    /** Ratio above which an entry is a bomb, applied once it would inflate beyond `ratioFloor`. */
    maxRatio: 100,
    ratioFloor: 1024 * 1024,
    /** XML parts are inflated by preflight; a resume's are well under 2 MiB. */
    maxXmlBytes: 16 * 1024 * 1024,
  },
  pdf: {
    maxPages: 40,
    /** Inflated size of one Flate stream, and of all of them, checked by preflight. */
    maxStreamBytes: 64 * 1024 * 1024,
    maxTotalStreamBytes: 128 * 1024 * 1024,
  },
  extraction: {
    timeoutMs: 20_000,
    /** Resident memory of the extraction child, polled from /proc on Linux. */
    maxMemoryMb: 512,
  },
} as const;
