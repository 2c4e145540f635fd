import { ApiProperty } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** One dependency's state, with what it reports beside (pending migrations, outbox backlog). */
export class ReadinessCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
}

const CHECK = { type: ReadinessCheckDto, description: 'up or down, with details such as pending or backlog' };

export class ReadinessChecksDto {
  @ApiProperty(CHECK) database: ReadinessCheckDto;
  @ApiProperty(CHECK) queue: ReadinessCheckDto;
  @ApiProperty(CHECK) migrations: ReadinessCheckDto;
  @ApiProperty(CHECK) outbox: ReadinessCheckDto;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'not_ready'] }) status: 'ready' | 'not_ready';
  @ApiProperty({ type: ReadinessChecksDto }) checks: ReadinessChecksDto;
}
