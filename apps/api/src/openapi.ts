import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorEnvelope, FieldErrorDto } from '#core/errors/error-envelope.js';
import { PUBLIC_EXTENSION } from '#identity/index.js';
import { toOpenApi31 } from './openapi-3-1.js';
import { OPERATION_SUMMARIES } from './openapi-summaries.js';
import { REFRESH_COOKIE, REFRESH_COOKIE_SCHEME } from './auth/refresh-cookies.js';

const ENVELOPE = { $ref: '#/components/schemas/ErrorEnvelope' };
const answer = (description: string) => ({ description, content: { 'application/json': { schema: ENVELOPE } } });
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const WRITES = new Set<string>(['post', 'put', 'patch', 'delete']);

function* operations(document: OpenAPIObject): Generator<[method: string, operation: Operation]> {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) yield [method, operation];
    }
  }
}

/** What a body of another type than the route reads is answered with. */
function unsupportedMediaType(operation: Operation): string {
  const accepted = Object.keys((operation.requestBody as { content?: object } | undefined)?.content ?? {});
  return `UNSUPPORTED_MEDIA_TYPE: the body must be ${accepted.join(' or ') || 'application/json'}`;
}

/**
 * The answers every route can give are added here once, not repeated on each
 * handler: 400 for validation, and 413/415 for routes that take a body.
 */
function addCommonErrorAnswers(document: OpenAPIObject): void {
  for (const [method, operation] of operations(document)) {
    const hasInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
    if (hasInput) operation.responses['400'] ??= answer('VALIDATION_FAILED (each field and rule in details; unknown fields are rejected) or MALFORMED_JSON');
    // An id or slug in the path may name no record.
    if (operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'path')) operation.responses['404'] ??= answer('NOT_FOUND');
    if (WRITES.has(method)) {
      // The database's rules, mapped for every write (libs/core/src/errors/database-error-map.ts), besides each route's own.
      operation.responses['409'] ??= answer('A conflict: the record changed concurrently (CONCURRENT_UPDATE), or a uniqueness or state rule');
      operation.responses['422'] ??= answer('A rule of the data is broken (CHECK_VIOLATION, VALUE_TOO_LONG, …), or a rule of the route');
    }
    if (operation.requestBody) {
      operation.responses['413'] ??= answer('PAYLOAD_TOO_LARGE');
      operation.responses['415'] ??= answer(unsupportedMediaType(operation));
    }
  }
}

/**
 * @Public() routes carry a marker (Nest drops an empty security list): they are declared `security: []`, so
 * a client sends no token, while every other route keeps the bearer requirement its access decorator added.
 */
function declarePublicRoutes(document: OpenAPIObject): void {
  for (const [, operation] of operations(document)) {
    const marked = operation as Operation & Record<string, unknown>;
    if (marked[PUBLIC_EXTENSION] !== true) continue;
    delete marked[PUBLIC_EXTENSION];
    operation.security = [];
  }
  // Refresh takes the refresh token from the body or, in a browser, from the HttpOnly cookie: either no credential
  // at all (the body's) or the cookie scheme. (Logout needs the bearer token and keeps its requirement.)
  const refresh = document.paths['/api/auth/refresh']?.post;
  if (refresh) refresh.security = [{}, { [REFRESH_COOKIE_SCHEME]: [] }];
}

function addSummaries(document: OpenAPIObject): void {
  const missing: string[] = [];
  for (const [, operation] of operations(document)) {
    operation.summary ??= OPERATION_SUMMARIES[operation.operationId ?? ''];
    if (!operation.summary) missing.push(operation.operationId ?? '(no operationId)');
  }
  if (missing.length) throw new Error(`OpenAPI: no summary for ${missing.join(', ')} (add it to apps/api/src/openapi-summaries.ts)`);
}

/** The api's document; access rules and error codes come from the route decorators. Needs no running provider. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('China–SCO conference back office')
    .setDescription(
      'Programme, registration, check-in and outcomes of the China–SCO Local Economic and Trade Cooperation Conference. ' +
        'Every error answers with the envelope { statusCode, code, message, details }: 400 VALIDATION_FAILED (unknown fields ' +
        'are rejected), MALFORMED_JSON, 401, 403, 404 NOT_FOUND, 409 conflicts, 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, 422 and 429.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://example.org/unlicensed')
    // The console and the api share an origin: paths are relative to wherever the api is served.
    .addServer('/', 'This api')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Browsers refresh with this cookie instead of a token in the body (POST /api/auth/login with refreshIn "cookie").
    .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE, description: 'HttpOnly refresh token of a browser session' }, REFRESH_COOKIE_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelope, FieldErrorDto] });
  addCommonErrorAnswers(document);
  declarePublicRoutes(document);
  addSummaries(document);
  return toOpenApi31(document);
}

/** OpenAPI at /docs (UI) and /docs/openapi.json. */
export function setupOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
