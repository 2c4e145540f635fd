import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../http/pagination.js';
import { ALL_QUEUES, QueueName } from './queue-names.js';

export class FailedJobsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ALL_QUEUES })
  @IsIn(ALL_QUEUES)
  queue: QueueName;
}

export class RetryJobParamsDto {
  @ApiProperty({ enum: ALL_QUEUES })
  @IsIn(ALL_QUEUES)
  queue: QueueName;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  @Matches(/^[\w.-]+$/)
  id: string;
}

export class FailedJobDto {
  @ApiProperty() queue: string;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() attemptsMade: number;
  @ApiPropertyOptional() failedReason?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
}

export class FailedJobPageDto extends PageMetaDto {
  @ApiProperty({ type: [FailedJobDto] }) items: FailedJobDto[];
}

/** Job data is not returned: it may hold personal data, and its id says which record it concerns. */
export function toFailedJobDto(queue: string, job: Job): FailedJobDto {
  return {
    queue,
    id: String(job.id),
    name: job.name,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
  };
}

export class QueueCountsDto {
  @ApiProperty({ enum: ALL_QUEUES }) queue: string;
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() prioritized: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
}

export class QueueCountsPageDto extends PageMetaDto {
  @ApiProperty({ type: [QueueCountsDto] }) items: QueueCountsDto[];
}
