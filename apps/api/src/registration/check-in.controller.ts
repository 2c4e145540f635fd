import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { ApiFileResponse } from '../openapi-media.js';
import { CheckInListDto, CheckInListPageDto, CheckInService, CreateCheckInListDto, DoorListQueryDto, ExpectedPageDto, type ExpectedPersonDto, ExpectedQueryDto, InsideDto, InsidePageDto, ManualCheckInDto, ScanAnswerDto, ScanBatchAnswerDto, ScanBatchDto, ScanDto } from '#registration/index.js';

@ApiTags('check-in')
@Controller('api')
@ApiNotFoundResponse({ type: ErrorEnvelope })
export class CheckInController {
  constructor(private readonly checkIn: CheckInService) {}

  @Post('events/:eventId/check-in-lists')
  @Roles(Role.Admin, Role.Organiser)
  @ApiCreatedResponse({ type: CheckInListDto })
  createList(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: CreateCheckInListDto,
  ): Promise<CheckInListDto> {
    return this.checkIn.createList(caller, eventId, dto);
  }

  @Get('events/:eventId/check-in-lists')
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiOkResponse({ type: CheckInListPageDto, description: 'With live counts' })
  lists(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<CheckInListDto>> {
    return this.checkIn.listLists(eventId, query);
  }

  @Post('check-ins')
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiCreatedResponse({ type: ScanAnswerDto, description: 'CHECKED_IN (201); otherwise the answer carries its own status: ALREADY_CHECKED_IN 409, UNKNOWN_BADGE 404, BADGE_REVOKED 410, REGISTRATION_PENDING / REGISTRATION_REJECTED / NOT_ENROLLED / WRONG_EVENT 403, NONCE_REUSED 409 (the nonce was used by another badge or on another list of the edition; nothing written). The same scan again (same badge, list and nonce) returns the first answer.' })
  async scan(@CurrentCaller() caller: CallerWithSession, @Body() dto: ScanDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ScanAnswerDto> {
    const answer = await this.checkIn.scan(caller, dto);
    void reply.status(answer.statusCode);
    return answer;
  }

  @Post('check-ins/batch')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiOkResponse({ type: ScanBatchAnswerDto, description: 'Scans collected offline, each answered as a single scan would be (NONCE_REUSED included)' })
  batch(@CurrentCaller() caller: CallerWithSession, @Body() dto: ScanBatchDto): Promise<ScanBatchAnswerDto> {
    return this.checkIn.scanBatch(caller, dto.scans);
  }

  @Post('check-ins/manual')
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiCreatedResponse({ type: ScanAnswerDto, description: 'A check-in by registration id (a damaged badge, found by name): the same rules, codes, statuses and nonce replay as POST /api/check-ins, and an audit entry (check_in.manual). 404 when no such registration' })
  async manual(@CurrentCaller() caller: CallerWithSession, @Body() dto: ManualCheckInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ScanAnswerDto> {
    const answer = await this.checkIn.manual(caller, dto);
    void reply.status(answer.statusCode);
    return answer;
  }

  @Get('check-in-lists/:listId/expected')
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiOkResponse({ type: ExpectedPageDto, description: 'Who is expected on the list (approved registrations; for a session, those enrolled), found by name in either script, with checkedInAt when already in. By Latin name' })
  expected(@Param('listId', UuidParam('listId')) listId: string, @Query() query: ExpectedQueryDto): Promise<Page<ExpectedPersonDto>> {
    return this.checkIn.expected(listId, query);
  }

  @Get('check-in-lists/:listId/door-list.pdf')
  @Roles(Role.Admin, Role.Organiser, Role.Staff)
  @ApiFileResponse({ description: 'Everyone expected on the list, with a box to tick, in the reader\'s language (default the edition\'s)', files: ['application/pdf'] })
  async doorList(
    @Param('listId', UuidParam('listId')) listId: string,
    @Query() query: DoorListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.checkIn.doorListPdf(listId, query.lang);
    void reply.header('content-type', 'application/pdf');
    return pdf;
  }

  @Get('check-in-lists/:listId/check-ins')
  @Roles(Role.Admin, Role.Organiser)
  @ApiOkResponse({ type: InsidePageDto, description: 'Who is inside, latest first' })
  inside(@Param('listId', UuidParam('listId')) listId: string, @Query() query: PageQueryDto): Promise<Page<InsideDto>> {
    return this.checkIn.inside(listId, query);
  }
}
