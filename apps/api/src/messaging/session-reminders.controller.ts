import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { Role, Roles } from '#identity/index.js';
import { type SessionReminderDto, SessionReminderPageDto, SessionReminders } from '#messaging/index.js';

@ApiTags('messaging')
@Controller('api/events/:eventId/sessions/:sessionId')
export class SessionRemindersController {
  constructor(private readonly reminders: SessionReminders) {}

  @Get('reminders')
  @Roles(Role.Admin, Role.Organiser)
  @ApiOkResponse({
    type: SessionReminderPageDto,
    description: 'The reminders planned for the seat holders of a session, soonest first: when each goes, for which start, and where it stands',
  })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such session in this event' })
  list(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionReminderDto>> {
    return this.reminders.listForSession(eventId, sessionId, query);
  }
}
