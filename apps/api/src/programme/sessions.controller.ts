import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Page } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { AddSessionRoleDto, CreateSessionDto, ListSessionsQueryDto, SessionDto, SessionPageDto, SessionRoleDto, SessionsService, UpdateSessionDto, UpdateSessionRoleDto } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

const SCHEDULING_CONFLICTS =
  'ROOM_CONFLICT or PERSON_CONFLICT, with details.conflictingSession { id, title, startsAt, endsAt }';
const SCHEDULING_RULES =
  'OUTSIDE_EVENT_DAYS, SESSION_ENDS_BEFORE_START, CAPACITY_EXCEEDS_ROOM, INTERPRETATION_NOT_AVAILABLE, ROOM_NOT_IN_EVENT, TRACK_NOT_IN_EVENT';

@ApiTags('programme')
@Controller('api/events/:eventId/sessions')
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event, session or role' })
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: SessionDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: SCHEDULING_CONFLICTS })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: SCHEDULING_RULES })
  create(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.create(caller, eventId, dto);
  }

  @Get()
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: SessionPageDto, description: 'Drafts included' })
  list(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: ListSessionsQueryDto): Promise<Page<SessionDto>> {
    return this.sessions.list(eventId, query);
  }

  @Get(':sessionId')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: SessionDto })
  get(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
  ): Promise<SessionDto> {
    return this.sessions.get(eventId, sessionId);
  }

  @Patch(':sessionId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: SessionDto, description: 'A stored capacityOverrideReason stands for a change of room as for a change of capacity' })
  @ApiConflictResponse({
    type: ErrorEnvelope,
    description:
      `${SCHEDULING_CONFLICTS}; DELEGATE_TIME_CONFLICT when delegates hold seats elsewhere at the new time, with details ` +
      '{ sessionId, delegateCount, delegates (first 5: registrationId, nameNative, nameLatin, claim, conflictingSessionIds), conflictingSessions }',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: SCHEDULING_RULES })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.update(caller, eventId, sessionId, dto);
  }

  @Post(':sessionId/roles')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: SessionRoleDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'PERSON_CONFLICT (with the other session) or ROLE_ALREADY_HELD' })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: 'PERSON_NOT_FOUND' })
  addRole(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Body() dto: AddSessionRoleDto,
  ): Promise<SessionRoleDto> {
    return this.sessions.addRole(caller, eventId, sessionId, dto);
  }

  @Patch(':sessionId/roles/:roleId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: SessionRoleDto })
  updateRole(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Param('roleId', UuidParam('roleId')) roleId: string,
    @Body() dto: UpdateSessionRoleDto,
  ): Promise<SessionRoleDto> {
    return this.sessions.updateRole(caller, eventId, sessionId, roleId, dto);
  }

  @Delete(':sessionId/roles/:roleId')
  @HttpCode(204)
  @Roles(...PROGRAMME_WRITERS)
  @ApiNoContentResponse()
  removeRole(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Param('roleId', UuidParam('roleId')) roleId: string,
  ): Promise<void> {
    return this.sessions.removeRole(caller, eventId, sessionId, roleId);
  }
}
