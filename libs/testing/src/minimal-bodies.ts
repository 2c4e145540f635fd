import { randomUUID } from 'node:crypto';
import { idsFor, type OpenApiDocument, type OpenApiOperation, type OpenApiSchema, resolveSchema } from './hostile-bodies.js';

/** Formats a validator wants, told by a property's name; anything else takes the documented example, or "x". */
function text(name: string, schema: OpenApiSchema, badgeToken: string): string {
  if (/email/i.test(name)) return `matrix-${randomUUID().slice(0, 8)}@example.org`;
  if (name === 'password') return 'a password long enough';
  if (name === 'slug') return `matrix-${randomUUID().slice(0, 8)}`;
  if (/^colou?r$/.test(name)) return '#1f6feb';
  if (/country|nationality/i.test(name)) return 'KZ';
  if (name === 'timeZone') return 'Asia/Shanghai';
  if (/(Day|Date|dateOfBirth)$/.test(name)) return '2025-07-18';
  if (name === 'nonce') return `nonce-${randomUUID()}`;
  if (name === 'token') return badgeToken;
  if (/[nN]oticeVersion$/.test(name)) return '1';
  if (schema.format === 'date-time') return '2025-07-18T10:00:00+08:00';
  return typeof schema.example === 'string' ? schema.example : 'x';
}

/**
 * The smallest body an operation documents as valid: its required fields (all fields of an object that requires
 * none, such as `{ zh, en, ru }`), ids of real records by the field's name. Deterministic, so that an authorised
 * caller's request reaches the handler (and the handler's own checks, such as ownership) rather than the validators.
 */
export function minimalBody(document: OpenApiDocument, operation: OpenApiOperation | undefined, ids: Record<string, string[]>, badgeToken: string): unknown {
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  return schema ? value(document, schema, 'body', ids, badgeToken) : undefined;
}

function value(document: OpenApiDocument, raw: OpenApiSchema, name: string, ids: Record<string, string[]>, badgeToken: string): unknown {
  const schema = resolveSchema(document, raw);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'object' || schema.properties) {
    const properties = Object.entries(schema.properties ?? {});
    const required = schema.required?.length ? properties.filter(([key]) => schema.required!.includes(key)) : properties;
    return Object.fromEntries(required.map(([key, property]) => [key, value(document, property, key, ids, badgeToken)]));
  }
  if (schema.type === 'array') return [];
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.format === 'uuid') return idsFor(ids, name)[0] ?? randomUUID();
  return text(name, schema, badgeToken);
}
