import { Body, Controller, Delete, Get, HttpCode, Param, type PipeTransform, Post, Query, Res } from '@nestjs/common';
import { ValidationFailedError } from '#core/errors/validation-errors.js';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { BadgesService, BulkDecisionDto, BulkDecisionResultDto, DecisionDto, describeGuestListColumns, EnrolmentsService, type ExportFile, ExportsService, GuestListReportDto, InvitationDto, InvitationPageDto, InvitationsService, type InvitationSummaryDto, InviteeDto, InviteGuestDto, ListRegistrationsQueryDto, ListSessionEnrolmentsQueryDto, MAX_GUEST_ROWS, RegistrationDto, RegistrationPageDto, RegistrationsService, type SessionEnrolmentDto, SessionEnrolmentPageDto } from '#registration/index.js';
import { CSV_TYPE, SpreadsheetUpload, XLSX_TYPE } from './raw-upload.decorator.js';
import { ApiFileResponse, ApiRawUpload } from '../openapi-media.js';

/** `registrations.csv` or `registrations.xlsx`. */
class FormatPipe implements PipeTransform<string, 'csv' | 'xlsx'> {
  transform(value: string): 'csv' | 'xlsx' {
    if (value === 'csv' || value === 'xlsx') return value;
    throw new ValidationFailedError([{ field: 'format', rule: 'isIn', message: 'format must be csv or xlsx' }]);
  }
}

const GUEST_LIST_DESCRIPTION = [
  `The first worksheet of an .xlsx workbook, or UTF-8 CSV (comma or semicolon separated). Row 1 names the columns, in any order;`,
  `names compare ignoring case, spaces, underscores and hyphens. Unknown columns are refused. At most ${MAX_GUEST_ROWS} guest rows; every text at most 300 characters.`,
  `All rows or none: any bad row (or a guest already invited) imports nothing; \`dryRun=true\` only reports.`,
  `When a guest accepts, the registration takes the invitation's organisation, position and delegation wherever the sign-up leaves them out.`,
  '',
  'Columns:',
  describeGuestListColumns(),
].join('\n');

const DECIDERS = [Role.Admin, Role.Organiser] as const;
const READERS = [Role.Admin, Role.Organiser, Role.Staff] as const;

function send(reply: FastifyReply, file: ExportFile): Buffer {
  void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}

@ApiTags('registration')
@Controller('api/events/:eventId')
@ApiNotFoundResponse({ type: ErrorEnvelope })
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly invitations: InvitationsService,
    private readonly enrolments: EnrolmentsService,
    private readonly exports: ExportsService,
    private readonly badges: BadgesService,
  ) {}

  @Get('registrations')
  @Roles(...READERS)
  @ApiOkResponse({ type: RegistrationPageDto, description: 'Visa data masked for staff' })
  list(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Query() query: ListRegistrationsQueryDto,
  ): Promise<Page<RegistrationDto>> {
    return this.registrations.list(eventId, query, caller);
  }

  @Get('registrations.:format')
  @Roles(...DECIDERS)
  @ApiFileResponse({ description: 'format csv or xlsx; filtered like the list; no visa data', files: [CSV_TYPE, XLSX_TYPE] })
  async export(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('format', new FormatPipe()) format: 'csv' | 'xlsx',
    @Query() query: ListRegistrationsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.exports.registrations(eventId, query, format));
  }

  @Get('participants.:format')
  @Roles(...DECIDERS)
  @ApiFileResponse({ description: 'Approved delegates who consented to appear on the list', files: [CSV_TYPE, XLSX_TYPE] })
  async participants(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('format', new FormatPipe()) format: 'csv' | 'xlsx',
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.exports.participants(eventId, format));
  }

  @Get('registrations/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: RegistrationDto })
  get(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
  ): Promise<RegistrationDto> {
    return this.registrations.get(caller, eventId, id);
  }

  @Get('registrations/:id/badge.pdf')
  @Roles(...DECIDERS)
  @ApiFileResponse({ description: 'The badge, for printing at the desk', files: ['application/pdf'] })
  async badge(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.badges.pdf(id, { eventId });
    void reply.header('content-type', 'application/pdf');
    return pdf;
  }

  @Post('registrations/:id/approve')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: RegistrationDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'INVALID_TRANSITION' })
  approve(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
  ): Promise<RegistrationDto> {
    return this.registrations.approve(caller, eventId, id);
  }

  @Post('registrations/:id/reject')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: RegistrationDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'INVALID_TRANSITION' })
  reject(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Body() dto: DecisionDto,
  ): Promise<RegistrationDto> {
    return this.registrations.reject(caller, eventId, id, dto.reason);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: RegistrationDto })
  cancel(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Body() dto: DecisionDto,
  ): Promise<RegistrationDto> {
    return this.registrations.cancel(caller, eventId, id, dto.reason);
  }

  @Post('registrations/bulk')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: BulkDecisionResultDto })
  bulk(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: BulkDecisionDto,
  ): Promise<BulkDecisionResultDto> {
    return this.registrations.bulk(caller, eventId, dto);
  }

  @Delete('registrations/:id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiNoContentResponse({ description: 'Personal data erased (admins)' })
  async erase(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
  ): Promise<void> {
    await this.registrations.get(caller, eventId, id);
    return this.registrations.erase(caller, id, null);
  }

  @Post('invitations')
  @Roles(...DECIDERS)
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'ALREADY_INVITED' })
  invite(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: InviteGuestDto,
  ): Promise<InvitationDto> {
    return this.invitations.invite(caller, eventId, dto);
  }

  @Get('invitations')
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: InvitationPageDto, description: 'Newest first; each with its state and the registration made by accepting it' })
  listInvitations(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<InvitationSummaryDto>> {
    return this.invitations.list(eventId, query);
  }

  @Post('guest-list')
  @HttpCode(200)
  @Roles(...DECIDERS)
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOperation({ summary: 'Invite a guest list (CSV or XLSX)', description: GUEST_LIST_DESCRIPTION })
  @ApiRawUpload([CSV_TYPE, XLSX_TYPE], 'The guest list: a UTF-8 CSV, or an .xlsx workbook (its first worksheet)')
  @ApiOkResponse({ type: GuestListReportDto, description: 'Body: the file, as text/csv or .xlsx. 422 GUEST_LIST_INVALID lists every bad row; nothing is imported then' })
  importGuestList(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @SpreadsheetUpload() upload: { file: Buffer; format: 'csv' | 'xlsx' },
    @Query('dryRun') dryRun?: string,
  ): Promise<GuestListReportDto> {
    return this.invitations.importGuestList(caller, eventId, upload.file, upload.format, dryRun === 'true' || dryRun === '1');
  }

  @Get('sessions/:sessionId/enrolments')
  @Roles(...DECIDERS)
  @ApiOkResponse({ type: SessionEnrolmentPageDto, description: 'Who holds a seat and who waits (with their place in the queue), seat holders first; ?status= for one kind, cancelled included' })
  listSessionEnrolments(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Query() query: ListSessionEnrolmentsQueryDto,
  ): Promise<Page<SessionEnrolmentDto>> {
    return this.enrolments.listForSession(eventId, sessionId, query);
  }

  @Post('sessions/:sessionId/invitees')
  @HttpCode(204)
  @Roles(...DECIDERS)
  @ApiNoContentResponse({ description: 'The delegate may now enrol in this invitation-only session' })
  addInvitee(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Body() dto: InviteeDto,
  ): Promise<void> {
    return this.enrolments.invite(caller, eventId, sessionId, dto.registrationId);
  }
}
