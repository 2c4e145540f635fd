import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AgendaFormat, CalendarFeedsService, PersonalAgendasService } from '#agenda/index.js';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { Authenticated, type CallerWithSession, CurrentCaller } from '#identity/index.js';
import { AgendaFormatPipe } from './agenda-format.pipe.js';
import { AgendaQueryDto } from './agenda-query.dto.js';
import { sendAgenda } from './agenda-reply.js';
import { ApiFileResponse } from '../openapi-media.js';

export class CalendarFeedDto {
  @ApiProperty({ description: 'Secret: whoever has it can read the agenda. Shown once; ask again for a new one (the old stops working)' })
  url: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** A delegate's own agenda, and the secret calendar URL that follows it. Another person's registration is a 404. */
@ApiTags('me')
@Controller('api/me/registrations/:id')
@Authenticated()
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'Not found, or not yours' })
export class MyAgendaController {
  constructor(
    private readonly agendas: PersonalAgendasService,
    private readonly feeds: CalendarFeedsService,
  ) {}

  @Get('agenda.:format')
  @ApiParam({ name: 'format', enum: ['html', 'pdf', 'ics'] })
  @ApiFileResponse({ description: 'The sessions you hold a seat in, from the latest release, in your language', files: ['text/html', 'application/pdf', 'text/calendar'] })
  async agenda(
    @CurrentCaller() caller: CallerWithSession,
    @Param('id', UuidParam()) id: string,
    @Param('format', AgendaFormatPipe) format: AgendaFormat,
    @Query() query: AgendaQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendAgenda(reply, await this.agendas.mine(caller, id, format, query.lang, ifNoneMatch));
  }

  @Post('calendar-feed')
  @ApiCreatedResponse({ type: CalendarFeedDto })
  issueFeed(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<CalendarFeedDto> {
    return this.feeds.issue(caller, id);
  }

  @Delete('calendar-feed')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The calendar URL stops working' })
  async revokeFeed(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.feeds.revoke(caller, id);
  }
}
