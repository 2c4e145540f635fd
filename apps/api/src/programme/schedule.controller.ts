import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { PositiveIntParam, UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { ConflictReportDto, ConflictReportService, PublishReleaseDto, ReleaseChangesDto, ReleasePageDto, ReleasePreviewDto, ReleasesService, ReleaseSummaryDto, TranslationReportDto } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

@ApiTags('programme')
@Controller('api/events/:eventId')
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event or release' })
export class ScheduleController {
  constructor(
    private readonly conflicts: ConflictReportService,
    private readonly releases: ReleasesService,
  ) {}

  @Get('conflicts')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: ConflictReportDto, description: 'Hard (ROOM_CONFLICT, PERSON_CONFLICT) and soft (ROOM_TOO_SMALL, TIGHT_TRANSFER), drafts included' })
  conflictReport(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<ConflictReportDto> {
    return this.conflicts.report(eventId, query);
  }

  @Get('translation-report')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: TranslationReportDto })
  translationReport(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<TranslationReportDto> {
    return this.releases.translationReport(eventId, query);
  }

  @Post('releases')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: ReleaseSummaryDto })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'TRANSLATIONS_MISSING (details list each gap), NO_CHANGES' })
  @ApiForbiddenResponse({ type: ErrorEnvelope, description: 'OVERRIDE_NEEDS_ADMIN' })
  publish(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: PublishReleaseDto,
  ): Promise<ReleaseSummaryDto> {
    return this.releases.publish(caller, eventId, dto);
  }

  @Get('releases')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: ReleasePageDto })
  list(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<ReleaseSummaryDto>> {
    return this.releases.list(eventId, query);
  }

  // Declared before releases/:number, which would read "preview" as a release number.
  @Get('releases/preview')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: ReleasePreviewDto, description: 'The change list and missing translations publishing now would meet, without publishing' })
  preview(@Param('eventId', UuidParam('eventId')) eventId: string): Promise<ReleasePreviewDto> {
    return this.releases.preview(eventId);
  }

  @Get('releases/:number')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: ReleaseSummaryDto })
  get(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('number', PositiveIntParam('number')) number: number,
  ): Promise<ReleaseSummaryDto> {
    return this.releases.summary(eventId, number);
  }

  @Get('releases/:number/changes')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: ReleaseChangesDto })
  changes(
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('number', PositiveIntParam('number')) number: number,
  ): Promise<ReleaseChangesDto> {
    return this.releases.changes(eventId, number);
  }
}
