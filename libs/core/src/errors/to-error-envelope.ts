import { HttpException } from '@nestjs/common';
import { AppError } from './app-error.js';
import { mapDatabaseError } from './database-error-map.js';
import type { ErrorEnvelope } from './error-envelope.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own request errors (body parsing, content type, size) carry FST_ codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

export interface EnvelopeResult {
  envelope: ErrorEnvelope;
  /** True for a failure of ours (5xx) that must be logged with its stack. */
  unexpected: boolean;
  headers?: Record<string, string>;
}

function messageOf(response: unknown, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown })?.message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** Maps anything thrown while serving a request to the error envelope. */
export function toErrorEnvelope(error: unknown): EnvelopeResult {
  if (error instanceof AppError) {
    return {
      envelope: { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details },
      unexpected: error.statusCode >= 500,
      headers: error.headers,
    };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const code = (response as { code?: unknown })?.code;
    // Nest wraps Fastify's request errors (bad JSON, size, type) in an HttpException; the cause keeps the FST_ code.
    const fastifyCode = (error.cause as { code?: unknown } | undefined)?.code;
    const mapped = typeof fastifyCode === 'string' ? FASTIFY_CODES[fastifyCode] : undefined;
    return {
      envelope: {
        statusCode,
        code: mapped ?? (typeof code === 'string' ? code : (CODE_BY_STATUS[statusCode] ?? 'HTTP_ERROR')),
        message: messageOf(response, error.message),
      },
      unexpected: statusCode >= 500,
    };
  }
  const fromDatabase = mapDatabaseError(error);
  if (fromDatabase) return toErrorEnvelope(fromDatabase);

  // pg-pool gives up waiting for a free connection: the database is overloaded or away, not our bug.
  if (error instanceof Error && /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED/.test(error.message)) {
    return {
      envelope: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is busy or unavailable; retry shortly' },
      unexpected: false,
      headers: { 'retry-after': '2' },
    };
  }

  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const code =
      (typeof fastify.code === 'string' && FASTIFY_CODES[fastify.code]) ||
      (error instanceof SyntaxError ? 'MALFORMED_JSON' : CODE_BY_STATUS[fastify.statusCode]) ||
      'BAD_REQUEST';
    return {
      envelope: {
        statusCode: fastify.statusCode,
        code,
        message: typeof fastify.message === 'string' ? fastify.message : 'The request could not be read',
      },
      unexpected: false,
    };
  }
  return {
    envelope: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' },
    unexpected: true,
  };
}
