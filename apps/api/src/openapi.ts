import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { REFRESH_COOKIE, REFRESH_COOKIE_SCHEME } from './auth/refresh-cookies.js';

const ENVELOPE = { $ref: '#/components/schemas/ErrorEnvelope' };
const answer = (description: string) => ({ description, content: { 'application/json': { schema: ENVELOPE } } });

/**
 * The answers every route can give are added here once, not repeated on each
 * handler: 400 for validation, and 413/415 for routes that take a body.
 */
function addCommonErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = path[method];
      if (!operation) continue;
      const hasInput = Boolean(operation.requestBody) || (operation.parameters?.length ?? 0) > 0;
      if (hasInput) operation.responses['400'] ??= answer('VALIDATION_FAILED (each field and rule in details; unknown fields are rejected) or MALFORMED_JSON');
      if (operation.requestBody) {
        operation.responses['413'] ??= answer('PAYLOAD_TOO_LARGE');
        operation.responses['415'] ??= answer('UNSUPPORTED_MEDIA_TYPE: the body must be application/json');
      }
    }
  }
  return document;
}

/** OpenAPI at /docs (UI) and /docs/openapi.json; access rules and error codes come from the route decorators. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('China–SCO conference back office')
    .setDescription(
      'Programme, registration, check-in and outcomes of the China–SCO Local Economic and Trade Cooperation Conference. ' +
        'Every error answers with the envelope { statusCode, code, message, details }: 400 VALIDATION_FAILED (unknown fields ' +
        'are rejected), MALFORMED_JSON, 401, 403, 404 NOT_FOUND, 409 conflicts, 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE, 422 and 429.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Browsers refresh with this cookie instead of a token in the body (POST /api/auth/login with refreshIn "cookie").
    .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE, description: 'HttpOnly refresh token of a browser session' }, REFRESH_COOKIE_SCHEME)
    .build();
  const document = addCommonErrorAnswers(SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelope] }));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
