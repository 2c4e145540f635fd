import { type ArgumentMetadata, ParseIntPipe, ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-errors.js';

/** `:id` parameters: a malformed id is a 400 VALIDATION_FAILED naming the parameter, like any other field. */
export function UuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError([{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
  });
}

/** A positive integer path parameter (e.g. a release number), refused like any other field. */
export function PositiveIntParam(name: string): PipeTransform<string, Promise<number>> {
  const refuse = () => new ValidationFailedError([{ field: name, rule: 'isPositiveInt', message: `${name} must be a positive integer` }]);
  const parse = new ParseIntPipe({ exceptionFactory: refuse });
  return {
    transform: async (value: string, metadata: ArgumentMetadata) => {
      const number = await parse.transform(value, metadata);
      if (typeof number !== 'number' || number < 1) throw refuse();
      return number;
    },
  };
}
