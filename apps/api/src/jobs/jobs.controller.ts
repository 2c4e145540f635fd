import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { FailedJobDto, FailedJobPageDto, FailedJobsQueryDto, QueueCountsDto, QueueCountsPageDto, RetryJobParamsDto } from '#core/queue/failed-job.dto.js';
import { FailedJobsService } from '#core/queue/failed-jobs.service.js';

@ApiTags('jobs')
@Controller('api/jobs')
@Roles(Role.Admin)
export class JobsController {
  constructor(private readonly jobs: FailedJobsService) {}

  @Get('queues')
  @ApiOkResponse({ type: QueueCountsPageDto, description: 'Each queue with its job counts by state' })
  queues(@Query() query: PageQueryDto): Promise<Page<QueueCountsDto>> {
    return this.jobs.counts(query);
  }

  @Get('failed')
  @ApiOkResponse({ type: FailedJobPageDto })
  failed(@Query() query: FailedJobsQueryDto): Promise<Page<FailedJobDto>> {
    return this.jobs.list(query);
  }

  @Post(':queue/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: FailedJobDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No failed job with this id' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'JOB_NOT_RETRYABLE: retried by someone else first' })
  retry(@CurrentCaller() caller: CallerWithSession, @Param() params: RetryJobParamsDto): Promise<FailedJobDto> {
    return this.jobs.retry(caller, params.queue, params.id);
  }
}
