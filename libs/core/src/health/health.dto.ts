import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export interface ReadinessCheck {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

/** One dependency's state, with what it reports beside it (pending migrations, the outbox backlog, an error). */
const CHECK: ApiPropertyOptions = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['up', 'down'] } },
  required: ['status'],
  additionalProperties: true,
  description: 'up or down, with details such as pending or backlog',
};

export class ReadinessChecksDto {
  @ApiProperty(CHECK) database: ReadinessCheck;
  @ApiProperty(CHECK) queue: ReadinessCheck;
  @ApiProperty(CHECK) migrations: ReadinessCheck;
  @ApiProperty(CHECK) outbox: ReadinessCheck;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status: 'ready' | 'not_ready';
  @ApiProperty({ type: ReadinessChecksDto }) checks: ReadinessChecksDto;
}
