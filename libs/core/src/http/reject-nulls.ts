import { ValidationFailedError } from '../errors/validation-errors.js';

/**
 * PATCH bodies are partial: a field may be left out, but a field that cannot be
 * empty may not be set to null either. (class-validator's IsOptional lets null
 * through, so update DTOs built with PartialType need this check.)
 */
export function rejectNulls<T extends object>(dto: T, fields: readonly (keyof T & string)[]): void {
  const nulls = fields.filter((field) => (dto as Record<string, unknown>)[field] === null);
  if (nulls.length) {
    throw new ValidationFailedError(nulls.map((field) => ({ field, rule: 'notNull', message: `${field} cannot be null` })));
  }
}
