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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Every line written while a request is served carries its id, including lines
      // from services that know nothing about HTTP.
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      serializers: {
        // The path without its query string: query strings can carry tokens (calendar feeds).
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url?.split('?')[0],
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
