import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { CreateTrackDto, TrackDto, TrackPageDto, TracksService, UpdateTrackDto } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

@ApiTags('programme')
@Controller('api/events/:eventId/tracks')
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event or track' })
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @Post()
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: TrackDto })
  create(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: CreateTrackDto,
  ): Promise<TrackDto> {
    return this.tracks.create(caller, eventId, dto);
  }

  @Get()
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: TrackPageDto })
  list(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<TrackDto>> {
    return this.tracks.list(eventId, query);
  }

  @Patch(':trackId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: TrackDto })
  update(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('trackId', UuidParam('trackId')) trackId: string,
    @Body() dto: UpdateTrackDto,
  ): Promise<TrackDto> {
    return this.tracks.update(caller, eventId, trackId, dto);
  }

  @Delete(':trackId')
  @HttpCode(204)
  @Roles(...PROGRAMME_WRITERS)
  @ApiNoContentResponse({ description: 'Track deleted' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'FOREIGN_KEY_VIOLATION: sessions are still in the track' })
  async remove(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('trackId', UuidParam('trackId')) trackId: string,
  ): Promise<void> {
    await this.tracks.remove(caller, eventId, trackId);
  }
}
