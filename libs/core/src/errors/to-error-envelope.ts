import { HttpException } from '@nestjs/common';
import { AppError, NotReadyYetError } from './app-error.js';
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

/**
 * Nest's answer to a path no route serves is `Cannot GET <url>`, the url with its query string, which may carry a
 * secret (a mailed link's token, say): the answer names the method and the path only.
 */
const NO_ROUTE = /^Cannot ([A-Z]+) ([^?#\s]*)[?#]\S*$/;

function withoutQuery(message: string): string {
  return message.replace(NO_ROUTE, 'Cannot $1 $2');
}

function messageOf(response: unknown, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown })?.message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** SQLSTATEs of a server that is not taking sessions: shut down by an administrator or a crash, starting up or shutting down, full. */
const SERVER_AWAY_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** The connection itself failed (a server stopped, restarted or failing over). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** TypeORM releases a query runner whose connection failed; the transaction's next query then fails with one of these. */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * The database is overloaded or away, rather than refusing the data: not our bug, and a client should retry
 * shortly. SQLSTATE class 08 is a connection exception.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || SERVER_AWAY_STATES.has(code) || NETWORK_CODES.has(code))) return true;
  if (RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  // pg-pool gives up waiting for a free connection, or a connection ends under a query.
  return /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED/.test(error.message);
}

/** Maps anything thrown while serving a request to the error envelope. */
export function toErrorEnvelope(error: unknown): EnvelopeResult {
  if (error instanceof AppError) {
    return {
      envelope: { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details },
      unexpected: error.statusCode >= 500 && !(error instanceof NotReadyYetError),
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
        message: statusCode === 404 ? withoutQuery(messageOf(response, error.message)) : messageOf(response, error.message),
      },
      unexpected: statusCode >= 500,
    };
  }
  const fromDatabase = mapDatabaseError(error);
  if (fromDatabase) return toErrorEnvelope(fromDatabase);

  if (isDatabaseUnavailable(error)) {
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
