import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { Authenticated, type CallerWithSession, CurrentCaller } from '#identity/index.js';
import { BadgesService, EnrolDto, EnrolmentDto, EnrolmentPageDto, EnrolmentsService, MyEditionDto, MyProgrammeDto, MyProgrammeService, type MySessionDto, RegisterDto, RegistrationDto, RegistrationIntakeService, RegistrationPageDto, RegistrationsService, UpdateRegistrationDto } from '#registration/index.js';
import { ApiFileResponse } from '../openapi-media.js';

export class RegisterOnAccountDto extends RegisterDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  eventId: string;
}

/** A delegate's own registrations and seats. Another person's id is always a 404. */
@ApiTags('me')
@Controller('api/me')
@Authenticated()
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'Not found, or not yours' })
export class MeController {
  constructor(
    private readonly intake: RegistrationIntakeService,
    private readonly registrations: RegistrationsService,
    private readonly enrolments: EnrolmentsService,
    private readonly badges: BadgesService,
    private readonly programme: MyProgrammeService,
  ) {}

  @Post('registrations')
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'ALREADY_REGISTERED, REGISTRATION_CLOSED' })
  register(@CurrentCaller() caller: CallerWithSession, @Body() dto: RegisterOnAccountDto): Promise<RegistrationDto> {
    const { eventId, ...details } = dto;
    return this.intake.register(caller, eventId, details as RegisterDto);
  }

  @Get('registrations')
  @ApiOkResponse({ type: RegistrationPageDto })
  list(@CurrentCaller() caller: CallerWithSession, @Query() query: PageQueryDto): Promise<Page<RegistrationDto>> {
    return this.registrations.listMine(caller, query);
  }

  @Get('registrations/:id')
  @ApiOkResponse({ type: RegistrationDto })
  get(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<RegistrationDto> {
    return this.registrations.getMine(caller, id);
  }

  @Get('registrations/:id/edition')
  @ApiOkResponse({ type: MyEditionDto, description: 'The edition of this registration: names, city, days and time zone' })
  edition(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<MyEditionDto> {
    return this.programme.edition(caller, id);
  }

  @Get('registrations/:id/sessions')
  @ApiOkResponse({ type: MyProgrammeDto, description: 'Sessions this registration may claim a seat in, in time order, with seats left and its own seat or waiting place' })
  sessions(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string, @Query() query: PageQueryDto): Promise<Page<MySessionDto>> {
    return this.programme.programme(caller, id, query);
  }

  @Patch('registrations/:id')
  @ApiOkResponse({ type: RegistrationDto })
  update(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string, @Body() dto: UpdateRegistrationDto): Promise<RegistrationDto> {
    return this.registrations.updateMine(caller, id, dto);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationDto })
  cancel(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<RegistrationDto> {
    return this.registrations.cancelMine(caller, id);
  }

  @Delete('registrations/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Personal data erased; the registration stays in the counts and the audit trail' })
  erase(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<void> {
    return this.registrations.erase(caller, id, caller.userId);
  }

  @Get('registrations/:id/badge.pdf')
  @ApiFileResponse({ description: 'The printable badge', files: ['application/pdf'] })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'NO_BADGE: not approved, or cancelled' })
  async badge(
    @CurrentCaller() caller: CallerWithSession,
    @Param('id', UuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.badges.pdf(id, { ownerUserId: caller.userId });
    // Set only on success: an error answer stays JSON.
    void reply.header('content-type', 'application/pdf');
    return pdf;
  }

  @Post('registrations/:id/enrolments')
  @ApiCreatedResponse({ type: EnrolmentDto, description: 'Enrolled, or waitlisted when the session is full' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'TIME_CONFLICT (with the other session), ALREADY_ENROLLED, REGISTRATION_NOT_APPROVED' })
  enrol(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string, @Body() dto: EnrolDto): Promise<EnrolmentDto> {
    return this.enrolments.enrol(caller, id, dto.sessionId);
  }

  @Get('enrolments')
  @ApiOkResponse({ type: EnrolmentPageDto })
  listEnrolments(@CurrentCaller() caller: CallerWithSession, @Query() query: PageQueryDto): Promise<Page<EnrolmentDto>> {
    return this.enrolments.listMine(caller, query);
  }

  @Delete('enrolments/:id')
  @ApiOkResponse({ type: EnrolmentDto, description: 'Cancelled; a freed seat went to the first on the waiting list' })
  leave(@CurrentCaller() caller: CallerWithSession, @Param('id', UuidParam()) id: string): Promise<EnrolmentDto> {
    return this.enrolments.cancel(caller, id, caller.userId);
  }
}
