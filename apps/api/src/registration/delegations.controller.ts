import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, ApiConflictResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { DelegationDto, DelegationPageDto, DelegationsService, UpdateDelegationDto } from '#registration/index.js';

@ApiTags('registration')
@Controller('api/events/:eventId/delegations')
@ApiNotFoundResponse({ type: ErrorEnvelope })
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiOkResponse({ type: DelegationPageDto, description: 'The edition\'s delegations by name, each with its head and members (staff read it for protocol and the door)' })
  list(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<DelegationDto>> {
    return this.delegations.list(eventId, query);
  }

  @Patch(':delegationId')
  @Roles(Role.Admin, Role.Organiser)
  @ApiOkResponse({ type: DelegationDto, description: 'The head is set and marked confirmed; sending the current head confirms its claim' })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: 'DELEGATION_HEAD_NOT_MEMBER: the registration is not in this delegation' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'DELEGATION_HEAD_INACTIVE: the registration is cancelled, rejected or erased' })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('delegationId', UuidParam('delegationId')) delegationId: string,
    @Body() dto: UpdateDelegationDto,
  ): Promise<DelegationDto> {
    return this.delegations.update(caller, eventId, delegationId, dto);
  }
}
