import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { NotFoundError } from '../errors/app-error.js';
import { type Page, skipOf } from '../http/pagination.js';
import { type FailedJobDto, type FailedJobsQueryDto, toFailedJobDto } from './failed-job.dto.js';

/** Jobs that used up their attempts stay in BullMQ's failed set; this lists and retries them. */
@Injectable()
export class FailedJobsService {
  constructor(private readonly moduleRef: ModuleRef) {}

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async list(query: FailedJobsQueryDto): Promise<Page<FailedJobDto>> {
    const queue = this.queue(query.queue);
    const start = skipOf(query);
    const [jobs, total] = await Promise.all([
      queue.getFailed(start, start + query.pageSize - 1),
      queue.getFailedCount(),
    ]);
    return { items: jobs.filter(Boolean).map((job) => toFailedJobDto(query.queue, job)), page: query.page, pageSize: query.pageSize, total };
  }

  async retry(queueName: string, jobId: string): Promise<FailedJobDto> {
    const job: Job | undefined = await this.queue(queueName).getJob(jobId);
    if (!job || !(await job.isFailed())) throw new NotFoundError('Failed job', { queue: queueName, jobId });
    await job.retry('failed');
    return toFailedJobDto(queueName, job);
  }
}
