import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { Authenticated, type CallerWithSession, CurrentCaller, Public, Role, Roles } from '#identity/index.js';
import { type MyVisaLetterDto, MyVisaLetterPageDto, type VisaLetterDownloadsDto, VisaLetterDownloadsPageDto, VisaLetterLanguageQueryDto, VisaLettersService, VisaLetterTextDto, VisaLetterTextInputDto, VisaLetterVerificationDto } from '#registration/index.js';
import { ApiFileResponse } from '../openapi-media.js';

const ORGANISERS = [Role.Admin, Role.Organiser] as const;

/** Personal answers are never kept by a browser or a proxy cache: a shared computer must not hand them on. */
function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}

/** The edition's visa letter text and who downloaded their letter (admins and organisers). */
@ApiTags('visa letters')
@Controller('api/events/:eventId')
@Roles(...ORGANISERS)
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'NOT_FOUND (no such edition); VISA_LETTER_TEXT_MISSING on GET before a text was set' })
export class VisaLetterTextController {
  constructor(private readonly letters: VisaLettersService) {}

  @Get('visa-letter')
  @ApiOkResponse({ type: VisaLetterTextDto })
  @ApiOperation({ summary: 'The edition\'s visa letter text' })
  get(@Param('eventId', UuidParam('eventId')) eventId: string): Promise<VisaLetterTextDto> {
    return this.letters.getText(eventId);
  }

  @Put('visa-letter')
  @ApiOkResponse({ type: VisaLetterTextDto, description: 'Replaced whole; every text in zh, en and ru' })
  @ApiOperation({ summary: 'Set the edition\'s visa letter text' })
  put(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: VisaLetterTextInputDto,
  ): Promise<VisaLetterTextDto> {
    return this.letters.putText(caller, eventId, dto);
  }

  @Get('visa-letter/preview.pdf')
  @ApiFileResponse({ description: 'The letter with made-up delegate details, stamped as a sample on each page', files: ['application/pdf'] })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'VISA_LETTER_TEXT_MISSING' })
  @ApiOperation({ summary: 'A sample visa letter (PDF) to proofread the text' })
  async preview(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Query() query: VisaLetterLanguageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.letters.preview(eventId, query.lang);
    void reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="visa-letter-sample.pdf"');
    return pdf;
  }

  @Get('visa-letters')
  @ApiOkResponse({ type: VisaLetterDownloadsPageDto, description: 'One row per letter issued: the registration, when it was downloaded last, how many times' })
  @ApiOperation({ summary: 'Who downloaded their visa letter' })
  downloads(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<VisaLetterDownloadsDto>> {
    return this.letters.downloads(eventId, query);
  }
}

/** A delegate's own visa letters. Another person's registration is a 404. */
@ApiTags('me')
@Controller('api/me')
@Authenticated()
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'Not found, or not yours' })
export class MyVisaLettersController {
  constructor(private readonly letters: VisaLettersService) {}

  @Get('visa-letters')
  @ApiOkResponse({ type: MyVisaLetterPageDto, description: 'Each of the caller\'s registrations: can it have a letter, and if not, why (the code the download answers)' })
  @ApiOperation({ summary: 'My registrations and whether each can have a visa letter' })
  list(
    @CurrentCaller() caller: CallerWithSession,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<MyVisaLetterDto>> {
    noStore(reply);
    return this.letters.listMine(caller, query);
  }

  @Get('registrations/:id/visa-letter.pdf')
  @ApiFileResponse({ description: 'The visa invitation letter: page 1 in Chinese, page 2 in English or Russian; recorded as a download', files: ['application/pdf'] })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'VISA_LETTER_NOT_APPROVED, VISA_DATA_MISSING, VISA_LETTER_TEXT_MISSING' })
  @ApiOperation({ summary: 'Download my visa invitation letter (PDF)' })
  async download(
    @CurrentCaller() caller: CallerWithSession,
    @Param('id', UuidParam()) id: string,
    @Query() query: VisaLetterLanguageQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    noStore(reply);
    const { pdf, reference } = await this.letters.downloadMine(caller, id, query.lang);
    // Set only on success: an error answer stays JSON.
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="visa-letter-${reference}.pdf"`);
    return pdf;
  }
}

/** The check a consulate (or anyone holding a letter) makes from its QR code: genuine or not, nothing personal. */
@ApiTags('public')
@Controller('api/public/visa-letters')
export class PublicVisaLettersController {
  constructor(private readonly letters: VisaLettersService) {}

  @Get(':reference')
  @Public()
  @ApiOkResponse({ type: VisaLetterVerificationDto })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'VISA_LETTER_UNKNOWN (the reference is not repeated back)' })
  @ApiOperation({ summary: 'Check a visa letter\'s reference (public, nothing personal)' })
  verify(@Param('reference') reference: string): Promise<VisaLetterVerificationDto> {
    return this.letters.verify(reference);
  }
}
