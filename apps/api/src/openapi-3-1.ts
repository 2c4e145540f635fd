import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * @nestjs/swagger writes OpenAPI 3.0, where `nullable: true` beside `allOf: [{ $ref }]` is ambiguous: 3.0.3 says
 * nullable only widens a `type` in the same object, so validators (ajv) still refuse the null the api sends for
 * `SessionDto.theme` and the like. The document is published as 3.1 instead, whose schemas are plain JSON Schema
 * 2020-12: a nullable value is `type: [t, 'null']`, a nullable reference `oneOf: [{ $ref }, { type: 'null' }]`.
 * ajv (Ajv2020), openapi-typescript (`T | null`) and redocly all read that without any dialect of their own.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  visit(document.components ?? {});
  visit(document.paths);
  return { ...document, openapi: '3.1.0' };
}

/** Walks every object of the document: a schema can sit under properties, items, content, parameters… */
function visit(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== 'object') return;
  const object = node as Schema;
  if (object.nullable === true) widenToNull(object);
  else if (object.nullable === false) delete object.nullable;
  for (const value of Object.values(object)) visit(value);
}

function widenToNull(schema: Schema): void {
  delete schema.nullable;
  const reference = schema.$ref ?? (Array.isArray(schema.allOf) && schema.allOf.length === 1 ? (schema.allOf[0] as Schema).$ref : undefined);
  if (reference) {
    // Nest adds `type: object` beside the reference; the referenced schema says what it is.
    delete schema.$ref;
    delete schema.allOf;
    delete schema.type;
    schema.oneOf = [{ $ref: reference }, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
