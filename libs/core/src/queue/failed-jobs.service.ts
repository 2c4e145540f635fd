import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../errors/app-error.js';
import type { Caller } from '../http/caller.js';
import { type Page, pageOf, type PageQueryDto, skipOf } from '../http/pagination.js';
import { type FailedJobDto, type FailedJobsQueryDto, type QueueCountsDto, toFailedJobDto } from './failed-job.dto.js';
import { ALL_QUEUES } from './queue-names.js';

/** Jobs that used up their attempts stay in BullMQ's failed set; this lists and retries them. */
@Injectable()
export class FailedJobsService {
  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** How many jobs each queue holds in each state: the operators' first look when messages seem slow. */
  async counts(query: PageQueryDto): Promise<Page<QueueCountsDto>> {
    const page = pageOf([...ALL_QUEUES], query);
    const items = await Promise.all(
      page.items.map(async (name) => {
        const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
        return {
          queue: name,
          waiting: c.waiting ?? 0,
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          prioritized: c.prioritized ?? 0,
          completed: c.completed ?? 0,
          failed: c.failed ?? 0,
        };
      }),
    );
    return { ...page, items };
  }

  async list(query: FailedJobsQueryDto): Promise<Page<FailedJobDto>> {
    const queue = this.queue(query.queue);
    const start = skipOf(query);
    const [jobs, total] = await Promise.all([queue.getFailed(start, start + query.pageSize - 1), queue.getFailedCount()]);
    return {
      items: jobs.filter(Boolean).map((job) => toFailedJobDto(query.queue, job)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async retry(caller: Caller, queueName: string, jobId: string): Promise<FailedJobDto> {
    const job: Job | undefined = await this.queue(queueName).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundError('Failed job', { queue: queueName, jobId });
    const before = toFailedJobDto(queueName, job);
    try {
      await job.retry('failed');
    } catch {
      // Another admin (or another replica) retried it first: the job is no longer in the failed set.
      throw new ConflictError('JOB_NOT_RETRYABLE', 'The job is no longer failed; it may have been retried already', {
        queue: queueName,
        jobId,
      });
    }
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, caller, { action: 'job.retried', entity: 'job', entityId: `${queueName}/${jobId}`, before }),
    );
    return { ...before, attemptsMade: 0, failedReason: undefined, finishedAt: undefined };
  }
}
