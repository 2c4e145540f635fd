import { Transform } from 'class-transformer';

/**
 * For date fields of request DTOs, instead of `@Type(() => Date)`: a string (or a number) becomes a Date for
 * @IsDate to judge; anything else is left as sent, for @IsDate to refuse. (`@Type(() => Date)` called
 * `new Date()` on any value, which throws for an object whose `toString` or `valueOf` is not a function, such
 * as `{"toString": 1}`: a 500 instead of a 400.)
 */
export const ToDate = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' || typeof value === 'number' ? new Date(value) : value));
