import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadinessService } from '#core/health/readiness.service.js';
import { Public } from '#identity/index.js';
import { LivenessDto, ReadinessDto } from '#core/health/health.dto.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: LivenessDto, description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessDto, description: 'Database, queue backend and schema are ready; outbox backlog reported' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'A dependency is down or migrations are pending' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.readiness.check();
    void reply.status(result.status === 'ready' ? 200 : 503);
    return result;
  }
}
