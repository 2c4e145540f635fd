import type { ValidationError } from 'class-validator';
import { AppError } from './app-error.js';
import type { FieldError } from './error-envelope.js';

/** Flattens class-validator's nested tree into one entry per field and rule. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    // class-validator reports a body that is not an object at all without a property name.
    const field = [parent, error.property].filter(Boolean).join('.') || '(body)';
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      flat.push({ field, rule: rule === 'whitelistValidation' ? 'unknownField' : rule, message });
    }
    if (error.children?.length) flat.push(...flattenValidationErrors(error.children, field));
  }
  return flat;
}

export class ValidationFailedError extends AppError {
  constructor(fields: FieldError[]) {
    super(400, 'VALIDATION_FAILED', `The request is invalid: ${fields.map((f) => f.message).join('; ')}`, fields);
  }
}

export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(flattenValidationErrors(errors));
}
