import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-errors.js';

/** `:id` parameters: a malformed id is a 400 VALIDATION_FAILED naming the parameter, like any other field. */
export function UuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError([{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
  });
}
