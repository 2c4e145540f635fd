import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** Files whose bytes are text (a client reads them as a string); every other type is binary. */
const TEXT_TYPES = new Set(['text/csv', 'text/html', 'text/calendar', 'message/rfc822']);

const BINARY = { type: 'string', format: 'binary' } as const;

function fileSchema(mediaType: string): { type: 'string'; format?: 'binary' } {
  return TEXT_TYPES.has(mediaType) ? { type: 'string' } : { ...BINARY };
}

/**
 * A 200 whose body is a file (and, for routes with a `format`, possibly JSON). Declared per media type instead of
 * with @ApiProduces, which would also declare every error answer of the route as that file type, while errors are
 * always the JSON envelope.
 */
export function ApiFileResponse(options: { description: string; files: string[]; json?: Type<unknown> }): MethodDecorator {
  const content: Record<string, { schema: object }> = {};
  if (options.json) content['application/json'] = { schema: { $ref: getSchemaPath(options.json) } };
  for (const mediaType of options.files) content[mediaType] = { schema: fileSchema(mediaType) };
  const decorators = [ApiOkResponse({ description: options.description, content })];
  if (options.json) decorators.unshift(ApiExtraModels(options.json));
  return applyDecorators(...decorators);
}

/** A request whose body is the raw bytes of a file, in one of the given media types. */
export function ApiRawUpload(mediaTypes: string[], description: string): MethodDecorator {
  return applyDecorators(ApiConsumes(...mediaTypes), ApiBody({ required: true, description, schema: { ...BINARY } }));
}
