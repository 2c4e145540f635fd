import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';

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
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelope] });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
