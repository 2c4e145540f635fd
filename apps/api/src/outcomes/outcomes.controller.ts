import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import type { Page } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type Language, LANGUAGES } from '#core/i18n/language.js';
import { type CallerWithSession, CurrentCaller, Role, Roles } from '#identity/index.js';
import { CreateOutcomeDto, DoneDto, ListOutcomesQueryDto, OutcomeDocumentDto, OutcomeDocumentsService, OutcomeDto, OutcomePageDto, OutcomesService, RunSheetDto, runSheetHtml, RunSheetService, SignDto, UpdateOutcomeDto } from '#outcomes/index.js';
import { RenderPool } from '#agenda/index.js';
import { DOCUMENT_UPLOAD_TYPES, RawDocument } from './raw-document.decorator.js';
import { ApiFileResponse, ApiRawUpload } from '../openapi-media.js';

/** Protocol staff prepare and record; organisers also approve for publication. */
const RECORDERS = [Role.Admin, Role.Organiser, Role.Staff] as const;
const PUBLISHERS = [Role.Admin, Role.Organiser] as const;

export class DocumentQueryDto {
  @ApiProperty({ enum: LANGUAGES, description: 'The language of this copy' })
  @IsIn(LANGUAGES)
  language: Language;
}

export class RunSheetQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'zh' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ enum: ['html', 'pdf', 'json'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'pdf', 'json'])
  format?: 'html' | 'pdf' | 'json';
}

@ApiTags('outcomes')
@Controller('api/events/:eventId')
@ApiNotFoundResponse({ type: ErrorEnvelope })
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly documents: OutcomeDocumentsService,
    private readonly runSheets: RunSheetService,
    private readonly renderer: RenderPool,
  ) {}

  @Post('outcomes')
  @Roles(...RECORDERS)
  @ApiCreatedResponse({ type: OutcomeDto })
  create(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Body() dto: CreateOutcomeDto): Promise<OutcomeDto> {
    return this.outcomes.create(caller, eventId, dto);
  }

  @Get('outcomes')
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomePageDto, description: 'Everything, unpublished outcomes included; a confidential amount only for organisers and admins' })
  list(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Query() query: ListOutcomesQueryDto,
  ): Promise<Page<OutcomeDto>> {
    return this.outcomes.list(caller, eventId, query);
  }

  @Get('outcomes/:id')
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto })
  get(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Param('id', UuidParam()) id: string): Promise<OutcomeDto> {
    return this.outcomes.get(caller, eventId, id);
  }

  @Patch('outcomes/:id')
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'Audited with before and after (who changed the value)' })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Body() dto: UpdateOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.outcomes.update(caller, eventId, id, dto);
  }

  @Post('outcomes/:id/ready')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'Agreement: text final, signatories confirmed' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'INVALID_TRANSITION; 422 AGREEMENT_NOT_READY' })
  ready(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Param('id', UuidParam()) id: string) {
    return this.outcomes.transition(caller, eventId, id, 'ready');
  }

  @Post('outcomes/:id/sign')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'Records the signing (and writes an outbox event for the parties)' })
  sign(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Body() dto: SignDto,
  ) {
    return this.outcomes.transition(caller, eventId, id, 'sign', dto.signedAt);
  }

  @Post('outcomes/:id/done')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'An unveiling (or other outcome) took place' })
  done(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Body() dto: DoneDto,
  ) {
    return this.outcomes.transition(caller, eventId, id, 'done', dto.doneAt);
  }

  @Post('outcomes/:id/cancel')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOkResponse({ type: OutcomeDto })
  cancel(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Param('id', UuidParam()) id: string) {
    return this.outcomes.transition(caller, eventId, id, 'cancel');
  }

  @Post('outcomes/:id/approve')
  @HttpCode(200)
  @Roles(...PUBLISHERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'Publishes a signed or done outcome in the public list' })
  approve(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Param('id', UuidParam()) id: string) {
    return this.outcomes.transition(caller, eventId, id, 'approve');
  }

  @Post('outcomes/:id/withdraw')
  @HttpCode(200)
  @Roles(...PUBLISHERS)
  @ApiOkResponse({ type: OutcomeDto, description: 'Takes it out of the public list' })
  withdraw(@CurrentCaller() caller: CallerWithSession, @Param('eventId', UuidParam('eventId')) eventId: string, @Param('id', UuidParam()) id: string) {
    return this.outcomes.transition(caller, eventId, id, 'withdraw');
  }

  @Post('outcomes/:id/documents')
  @Roles(...RECORDERS)
  @ApiRawUpload(DOCUMENT_UPLOAD_TYPES, 'The signed copy: a PDF, PNG, JPEG or WebP file (its type is judged from its bytes)')
  @ApiCreatedResponse({ type: OutcomeDocumentDto, description: 'Body: the file bytes. 415 UNSUPPORTED_DOCUMENT unless its bytes are a PDF, PNG, JPEG or WebP; 422 DOCUMENT_NOT_PDF when it starts like a PDF but does not open as one; 413 DOCUMENT_TOO_LARGE past 10 MB' })
  upload(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Query() query: DocumentQueryDto,
    @RawDocument() bytes: Buffer,
  ): Promise<OutcomeDocumentDto> {
    return this.documents.upload(caller, eventId, id, query.language, bytes);
  }

  @Get('outcomes/:id/documents/:documentId')
  @Roles(...RECORDERS)
  @ApiFileResponse({ description: 'The stored copy, checked against its SHA-256', files: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] })
  async download(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Param('documentId', UuidParam('documentId')) documentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const document = await this.documents.download(eventId, id, documentId);
    void reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.filename}"`)
      .header('x-content-sha256', document.sha256);
    return document.bytes;
  }

  @Delete('outcomes/:id/documents/:documentId')
  @HttpCode(204)
  @Roles(...PUBLISHERS)
  @ApiNoContentResponse({ description: 'A wrongly uploaded copy removed (organisers and admins): audited, and its file deleted from the store; 404 when there is no such document' })
  removeDocument(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('id', UuidParam()) id: string,
    @Param('documentId', UuidParam('documentId')) documentId: string,
  ): Promise<void> {
    return this.documents.remove(caller, eventId, id, documentId);
  }

  @Get('sessions/:sessionId/run-sheet')
  @Roles(...RECORDERS)
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiFileResponse({
    description:
      "The ordered run sheet of a signing (or unveiling) ceremony in the reader's language (lang, default zh): times as the wall clock of the event's zone, " +
      'the zone named; a first page with the order of proceedings, then one page per signing or unveiling with who signs for whom. HTML (prints one page each), PDF with format=pdf, JSON with format=json',
    files: ['text/html', 'application/pdf'],
    json: RunSheetDto,
  })
  async runSheet(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('sessionId', UuidParam('sessionId')) sessionId: string,
    @Query() query: RunSheetQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const sheet = await this.runSheets.runSheet(eventId, sessionId, query.lang ?? 'zh');
    void reply.header('content-language', sheet.language);
    if (query.format === 'json') return sheet;
    if (query.format === 'pdf') {
      // Rendered on the rendering thread (RenderPool), as the agendas and the outcomes list are.
      void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="run-sheet-${sheet.language}.pdf"`);
      return this.renderer.render({ kind: 'run-sheet-pdf', input: sheet });
    }
    void reply.header('content-type', 'text/html; charset=utf-8');
    return runSheetHtml(sheet);
  }
}
