import { trusted } from 'mongoose';

// sanitizeFilter is on globally, so server-built operators must be marked trusted explicitly;
// anything from a request that reaches a filter stays a literal.
export const inList = <T>(values: readonly T[]) => trusted({ $in: values });
export const lessThan = <T>(value: T) => trusted({ $lt: value });
export const notIn = <T>(values: readonly T[]) => trusted({ $nin: values });
/** Any server-built operator expression. */
export const trustedExpr = <T extends object>(expr: T): T => trusted(expr) as T;
