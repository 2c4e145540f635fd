import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiParam, ApiResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AgendaFormat, CalendarFeedsService, PublicAgendasService } from '#agenda/index.js';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { Public } from '#identity/index.js';
import { AgendaFormatPipe } from './agenda-format.pipe.js';
import { AgendaQueryDto } from './agenda-query.dto.js';
import { sendAgenda } from './agenda-reply.js';
import { ApiFileResponse } from '../openapi-media.js';

@ApiTags('public')
@Controller('api/public')
export class PublicAgendaController {
  constructor(
    private readonly agendas: PublicAgendasService,
    private readonly feeds: CalendarFeedsService,
  ) {}

  @Get('events/:slug/agenda.:format')
  @Public()
  @ApiParam({ name: 'format', enum: ['html', 'pdf', 'ics'] })
  @ApiFileResponse({
    description: 'The whole public programme of the latest release, in one language: print-ready HTML, PDF or iCalendar',
    files: ['text/html', 'application/pdf', 'text/calendar'],
  })
  @ApiResponse({ status: 304, description: 'Not modified (ETag)' })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event, an edition not published (draft or archived), no release yet, or another format' })
  @ApiServiceUnavailableResponse({ type: ErrorEnvelope, description: 'AGENDA_NOT_READY: the release was just published and its documents are being built (Retry-After)' })
  async agenda(
    @Param('slug') slug: string,
    @Param('format', AgendaFormatPipe) format: AgendaFormat,
    @Query() query: AgendaQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendAgenda(reply, await this.agendas.download(slug, format, query.lang, acceptLanguage, ifNoneMatch));
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiFileResponse({ description: 'A delegate\'s own sessions as a subscribable iCalendar feed; the token is the secret', files: ['text/calendar'] })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'Unknown or revoked token' })
  async feed(
    @Param('token') token: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendAgenda(reply, await this.feeds.read(token, ifNoneMatch));
  }
}
