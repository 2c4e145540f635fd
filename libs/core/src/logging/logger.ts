import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-context.js';

/**
 * Paths never written to a log. Passwords and tokens wherever they appear, the
 * headers that carry credentials, and fields that hold personal data. Request and
 * response bodies are not logged at all (see the request serializer).
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'secret',
  '*.secret',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'passportNumber',
  '*.passportNumber',
  'dateOfBirth',
  '*.dateOfBirth',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Keys whose values never reach a log, at any depth: credentials and personal data. */
const SENSITIVE_KEY = /pass(word|phrase)?|token|secret|authorization|cookie|e-?mail|phone|passport|nationality|date_?of_?birth|hash/i;
const MAX_DEPTH = 8;

/**
 * pino's redact paths name fixed depths; this catches a sensitive key wherever a
 * caller nests it. Log lines are few and small, so the walk is cheap.
 */
export function scrubSensitive(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => scrubSensitive(item, depth + 1));
  // Requests, replies and errors are left to their serializers, which pick safe fields.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEY.test(key) ? '[redacted]' : scrubSensitive(inner, depth + 1);
  }
  return copy;
}

/** The fields of an error worth logging; nothing that can carry a row's values. */
const ERROR_FIELDS = ['type', 'message', 'stack', 'code', 'constraint', 'table', 'column', 'routine', 'statusCode'] as const;

/**
 * Errors are logged by whitelist: TypeORM's QueryFailedError carries the SQL and
 * its parameters (emails, password hashes), and PostgreSQL's `detail` quotes the
 * offending values, so neither may reach a log line.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const base = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const driver = (error as { driverError?: Record<string, unknown> }).driverError;
  const safe: Record<string, unknown> = {};
  for (const field of ERROR_FIELDS) {
    const value = base[field] ?? driver?.[field];
    if (value !== undefined) safe[field] = value;
  }
  return safe;
}

/** Log lines are written to stdout in batches of this many bytes, or after FLUSH_MS, whichever comes first. */
const BATCH_BYTES = 4096;
const FLUSH_MS = 250;

/**
 * stdout, written in batches: one write system call per line was a tenth of the api's CPU under load (every
 * request logs a line; bench/, CPU profile). Writes stay synchronous, so no write is ever in flight when the
 * process exits; what is still batched then is written by the exit handler (pino does that itself only for
 * asynchronous destinations). A line waits at most FLUSH_MS; only SIGKILL loses the last quarter second.
 */
function batchedStdout(): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: BATCH_BYTES, periodicFlush: FLUSH_MS });
  process.on('exit', () => {
    try {
      stdout.flushSync();
    } catch {
      // stdout already closed: nothing left to write to.
    }
  });
  return stdout;
}

export function createLogger(level: string, destination: DestinationStream = batchedStdout()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrubSensitive(object) as Record<string, unknown> },
      // Every line written while a request is served carries its id, including lines
      // from services that know nothing about HTTP.
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      serializers: {
        // The path without its query string (query strings can carry tokens), and without the secret of a
        // calendar feed, which is the last segment of its path.
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0].replace(/^(\/api\/public\/calendar\/)[^/]+$/, '$1[redacted]'),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
    destination,
  );
}
