import { randomUUID } from 'node:crypto';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import fastifyCookie from '@fastify/cookie';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyRequest, LogController } from 'fastify';
import helmet from 'helmet';
import type { DestinationStream, Logger } from 'pino';
import type { AppConfig } from '#core/config/app-config.js';
import { AppError } from '#core/errors/app-error.js';
import { AllExceptionsFilter } from '#core/errors/all-exceptions.filter.js';
import { validationExceptionFactory } from '#core/errors/validation-errors.js';
import { createLogger } from '#core/logging/logger.js';
import { PinoNestLogger } from '#core/logging/pino-nest-logger.js';
import { requestContext } from '#core/logging/request-context.js';
import { ApiModule } from './api.module.js';
import { CSV_TYPE, XLSX_TYPE } from './registration/raw-upload.decorator.js';
import { DOCUMENT_UPLOAD_TYPES } from './outcomes/raw-document.decorator.js';
import { setupOpenApi } from './openapi.js';
import { mountQueueBoard } from './jobs/queue-board.js';
import { mountProgrammeFastPath } from './programme/programme-fast-path.js';
import { mountConsole } from './mount-console.js';
import { noStorePersonalAnswers } from './no-store-personal-answers.js';
import { drainRefusedBodies } from './drain-refused-body.js';

export interface ApiAppOptions {
  /** Where log lines go (stdout by default); tests pass a stream to read them. */
  logDestination?: DestinationStream;
}

/** A caller's request id is kept when it is a plain token, so logs can be followed across services. */
function requestIdOf(request: { headers: Record<string, unknown> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

export async function createApiApp(
  config: AppConfig,
  options: ApiAppOptions = {},
): Promise<{ app: NestFastifyApplication; logger: Logger }> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request is written by the onResponse hook below, with the request id and no body.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimitBytes,
    // Fastify takes a hop count too; Nest's option type leaves numbers out.
    trustProxy: config.trustProxy as boolean | string,
    genReqId: requestIdOf,
    // Keep-alive connections that are idle are closed on shutdown; busy ones are drained.
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    // Fastify's own JSON parser only (prototype poisoning refused); Nest would add urlencoded too.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  // Every log line of a request carries its id (pino's mixin reads it from here).
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  // The line's fields are picked by the serializers (method, path without its query, status), none of them
  // personal, so it skips the redaction every other line goes through: half the cost of a line, on every request.
  const accessLog = logger.child({}, { redact: { paths: [] }, formatters: { log: (fields) => fields } });
  fastify.addHook('onResponse', (request: FastifyRequest, reply, done) => {
    accessLog.info(
      { requestId: request.id, req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime) },
      'request completed',
    );
    done();
  });
  // JSON bodies keep Fastify's own parser (prototype poisoning refused) and three more checks, before any validator
  // runs: class-transformer and class-validator recurse into every level, so a body nested a few thousand levels
  // deep overflowed the stack; validator.js's isEmail calls encodeURI, which throws on an unpaired surrogate
  // ("\ud800"); and class-transformer takes a nested object's own "constructor" key for its class, and throws when
  // it is not one. Each was a 500; they are refusals of the body.
  const parseJson = fastify.getDefaultJsonParser(fastify.initialConfig.onProtoPoisoning ?? 'error', fastify.initialConfig.onConstructorPoisoning ?? 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      const refusal = jsonBodyRefusal(value);
      if (refusal) return done(refusal, undefined);
      done(null, value);
    }),
  );
  // JSON only: any other body type is a 415, not a string handed to the validators. The one exception:
  // guest lists arrive as CSV or XLSX files, kept as raw bytes for the route that reads them.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addContentTypeParser([CSV_TYPE, XLSX_TYPE], { parseAs: 'buffer', bodyLimit: 5 * 1_048_576 }, (_request, body, done) => done(null, body));
  // Signed copies of agreements likewise (their real type is judged from the bytes by the service); the limit
  // is a little above the service's own, so an oversized document gets its specific 413.
  fastify.addContentTypeParser(DOCUMENT_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: 11 * 1_048_576 }, (_request, body, done) => done(null, body));
  // Errors Fastify raises before a route runs (bad JSON, size, content type) reach Nest's exception layer, which
  // app.init() installs as Fastify's error handler, and so the global filter's envelope (errors.e2e-spec.ts).
  // An error handler set here would only be replaced by it (with Fastify's FSTWRN004 warning at start).

  // helmet's middleware, built once. @fastify/helmet 13 builds it again on every request (parsing the CSP each
  // time): 9% of the api's CPU on the public programme, the busiest route (bench/, CPU profile).
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => secureHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  noStorePersonalAnswers(fastify);
  // A 413 waits for the rest of the refused body (bounded), so a fast-writing client reads it instead of a reset.
  drainRefusedBodies(fastify);
  // After helmet's hook, so a programme answered early carries the same security headers.
  mountProgrammeFastPath(app);
  // Parses Cookie headers and lets the auth routes set the browser's refresh cookies (apps/api/src/auth/refresh-cookies.ts).
  await app.register(fastifyCookie);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app);
  await mountQueueBoard(app, config);
  await mountConsole(app, logger);
  return { app, logger };
}

/** Far deeper than any request DTO (three levels at most), far shallower than what overflows a validator's recursion. */
export const MAX_JSON_DEPTH = 32;

/** A UTF-16 code unit that is half of a pair without its other half: not a character, and not storable as UTF-8. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Why a parsed JSON body is refused before validation, if it is: too deep, text (values or keys) that is not Unicode,
 * or a "constructor" key (no request has such a field). Walked without recursion.
 */
export function jsonBodyRefusal(value: unknown): AppError | undefined {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (UNPAIRED_SURROGATE.test(current)) return new AppError(400, 'INVALID_UNICODE', 'The JSON body contains text that is not valid Unicode (an unpaired surrogate)');
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return new AppError(400, 'JSON_TOO_DEEP', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`);
    for (const [key, child] of Object.entries(current)) {
      if (key === 'constructor' && !Array.isArray(current)) return new AppError(400, 'FORBIDDEN_KEY', 'The JSON body has a "constructor" key, which no request has');
      pending.push([key, depth], [child, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Closes the api gracefully: no new connections, requests in flight finish.
 * Connections that turn idle *after* close began (keep-alive clients whose last
 * request was in flight) would hold the server open until their keep-alive
 * timeout, so they are swept while draining.
 */
export async function closeApi(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer() as { closeIdleConnections?: () => void };
  const sweeper = setInterval(() => server.closeIdleConnections?.(), 100);
  try {
    await app.close();
  } finally {
    clearInterval(sweeper);
  }
}
