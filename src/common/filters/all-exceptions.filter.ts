import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorKind } from '../../../libs/common/errors';
import { requestIdFor } from '../logging/logging.module';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'COMMON.BAD_REQUEST',
  401: 'AUTH.UNAUTHORIZED',
  403: 'AUTH.FORBIDDEN',
  404: 'COMMON.ROUTE_NOT_FOUND',
  405: 'COMMON.METHOD_NOT_ALLOWED',
  409: 'COMMON.CONFLICT',
  413: 'COMMON.PAYLOAD_TOO_LARGE',
  415: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  422: 'COMMON.VALIDATION_FAILED',
  429: 'COMMON.RATE_LIMITED',
  503: 'SERVICE.UNAVAILABLE',
};

// Driver errors that mean "the database is unreachable right now", which clients may retry.
const MONGO_UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongooseServerSelectionError',
]);

export interface ErrorBody {
  error: { code: string; message: string; requestId?: string; details?: unknown };
}

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

function fromHttpException(e: HttpException): Mapped {
  const status = e.getStatus();
  const body = e.getResponse();
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // Terminus answers a failed readiness check with its whole result as the body.
  if (status === 503 && raw.status === 'error' && raw.error && typeof raw.error === 'object') {
    const down = Object.keys(raw.error as object).join(', ');
    return {
      status,
      code: 'SERVICE.NOT_READY',
      message: `Not ready: ${down}`,
      details: raw.details,
    };
  }
  if (status === 400 && e.constructor.name === 'BadRequestException' && /JSON/.test(e.message)) {
    return {
      status,
      code: 'COMMON.MALFORMED_BODY',
      message: 'The request body is not valid JSON.',
    };
  }
  const message = Array.isArray(raw.message)
    ? 'The request is invalid; see details.'
    : String(raw.message ?? e.message);
  const code =
    typeof raw.code === 'string'
      ? raw.code
      : status === 400 && Array.isArray(raw.message)
        ? 'COMMON.VALIDATION_FAILED'
        : (CODE_BY_STATUS[status] ?? `HTTP.${status}`);
  const details = Array.isArray(raw.message) ? { violations: raw.message } : raw.details;
  return { status, code, message, details };
}

/** Errors thrown by Express middleware (body-parser) carry `status` and `type`. */
function fromMiddlewareError(e: { status: number; type?: string; message?: string }): Mapped {
  if (e.type === 'entity.too.large')
    return {
      status: 413,
      code: 'COMMON.PAYLOAD_TOO_LARGE',
      message: 'The request body is too large.',
    };
  if (e.type === 'entity.parse.failed')
    return {
      status: 400,
      code: 'COMMON.MALFORMED_BODY',
      message: 'The request body is not valid JSON.',
    };
  if (e.status === 415 || e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return {
      status: 415,
      code: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
      message: e.message ?? 'Unsupported media type.',
    };
  return {
    status: e.status,
    code: CODE_BY_STATUS[e.status] ?? `HTTP.${e.status}`,
    message: e.message ?? 'Request failed.',
  };
}

export function mapError(e: unknown): Mapped {
  if (e instanceof DomainError) {
    return { status: STATUS_BY_KIND[e.kind], code: e.code, message: e.message, details: e.details };
  }
  if (e instanceof HttpException) return fromHttpException(e);
  const err = e as { name?: string; status?: unknown; type?: string; message?: string };
  if (err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    return fromMiddlewareError(err as { status: number; type?: string; message?: string });
  }
  if (err?.name && MONGO_UNAVAILABLE.has(err.name)) {
    return {
      status: 503,
      code: 'SERVICE.DATABASE_UNAVAILABLE',
      message: 'The database is temporarily unavailable; retry shortly.',
    };
  }
  return { status: 500, code: 'COMMON.INTERNAL', message: 'An unexpected error occurred.' };
}

/** The single place that turns any error into `{ error: { code, message, requestId, details? } }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    // Errors raised before the logger middleware (e.g. body parsing) have no id yet.
    if (req && !req.id) req.id = requestIdFor(req, res);
    const mapped = mapError(exception);
    // 503s (not ready, database down) are expected states, reported by probes and metrics instead.
    if (mapped.status >= 500 && mapped.status !== 503) {
      this.logger.error({ err: exception, code: mapped.code, reqId: req?.id }, 'request failed');
    }
    if (res.headersSent) return;
    const body: ErrorBody = {
      error: { code: mapped.code, message: mapped.message, requestId: req?.id },
    };
    if (mapped.details !== undefined) body.error.details = mapped.details;
    if (mapped.status === 503) res.setHeader('Retry-After', '5');
    res.status(mapped.status).json(body);
  }
}
