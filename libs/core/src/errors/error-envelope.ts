import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every error answer. */
export class ErrorEnvelope {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'UNIQUE_VIOLATION', description: 'Stable machine-readable code' })
  code: string;

  @ApiProperty({ example: 'A record with these values already exists' })
  message: string;

  @ApiPropertyOptional({ description: 'Per-field errors for VALIDATION_FAILED, or context such as the colliding record' })
  details?: unknown;
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}
