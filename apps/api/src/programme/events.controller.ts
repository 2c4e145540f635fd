import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Page } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { CreateEventDto, EventDto, EventPageDto, EventsService, ListEventsQueryDto, UpdateEventDto } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

@ApiTags('programme')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: EventDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'SLUG_TAKEN' })
  create(@CurrentCaller() caller: CallerWithSession, @Body() dto: CreateEventDto): Promise<EventDto> {
    return this.events.create(caller, dto);
  }

  @Get()
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: EventPageDto })
  list(@Query() query: ListEventsQueryDto): Promise<Page<EventDto>> {
    return this.events.list(query);
  }

  @Get(':eventId')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: EventDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  get(@Param('eventId', UuidParam('eventId')) eventId: string): Promise<EventDto> {
    return this.events.get(eventId);
  }

  @Patch(':eventId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: EventDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  @ApiConflictResponse({
    type: ErrorEnvelope,
    description: 'SLUG_TAKEN; 422 OUTSIDE_EVENT_DAYS when sessions would fall outside new days, CONSENT_NOTICE_NEEDS_NEW_VERSION when the notice text changes under the same consentNoticeVersion',
  })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventDto> {
    return this.events.update(caller, eventId, dto);
  }
}
