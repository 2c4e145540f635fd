import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-errors.js';

/** `:id` parameters: a malformed id is a 400 VALIDATION_FAILED naming the parameter, like any other field. */
export function UuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError([{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
  });
}

/** A positive integer path parameter (e.g. a release number), refused like any other field. */
export function PositiveIntParam(name: string): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () => new ValidationFailedError([{ field: name, rule: 'isInt', message: `${name} must be a positive integer` }]),
  });
}
