import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** One refused field of a VALIDATION_FAILED answer. */
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'email', description: 'The path of the field (a.b.c), or (body)' }) field: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule refused; unknownField for a field that is not accepted' }) rule: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

/** The one shape of every error answer. */
export class ErrorEnvelope {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'UNIQUE_VIOLATION', description: 'Stable machine-readable code' })
  code: string;

  @ApiProperty({ example: 'A record with these values already exists' })
  message: string;

  @ApiPropertyOptional({
    description:
      'VALIDATION_FAILED: one entry per field and rule. TRANSLATIONS_MISSING: the records and languages missing. ' +
      'Other codes: an object of context, such as the colliding record',
    anyOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldErrorDto) } },
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;
}
