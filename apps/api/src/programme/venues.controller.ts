import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorEnvelope } from '#core/errors/error-envelope.js';
import { type Page, PageQueryDto } from '#core/http/pagination.js';
import { UuidParam } from '#core/http/uuid-param.pipe.js';
import { type CallerWithSession, CurrentCaller, Roles } from '#identity/index.js';
import { CreateRoomDto, CreateVenueDto, ListRoomsQueryDto, RoomDto, RoomPageDto, UpdateRoomDto, UpdateVenueDto, VenueDto, VenuePageDto, VenuesService } from '#programme/index.js';
import { PROGRAMME_READERS, PROGRAMME_WRITERS } from './programme-roles.js';

@ApiTags('programme')
@Controller('api/events/:eventId')
@ApiNotFoundResponse({ type: ErrorEnvelope, description: 'No such event, venue or room' })
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post('venues')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: VenueDto })
  createVenue(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: CreateVenueDto,
  ): Promise<VenueDto> {
    return this.venues.createVenue(caller, eventId, dto);
  }

  @Get('venues')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: VenuePageDto })
  listVenues(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: PageQueryDto): Promise<Page<VenueDto>> {
    return this.venues.listVenues(eventId, query);
  }

  @Patch('venues/:venueId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: VenueDto })
  updateVenue(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('venueId', UuidParam('venueId')) venueId: string,
    @Body() dto: UpdateVenueDto,
  ): Promise<VenueDto> {
    return this.venues.updateVenue(caller, eventId, venueId, dto);
  }

  @Delete('venues/:venueId')
  @HttpCode(204)
  @Roles(...PROGRAMME_WRITERS)
  @ApiNoContentResponse({ description: 'Venue deleted' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'FOREIGN_KEY_VIOLATION: the venue still has rooms' })
  async deleteVenue(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('venueId', UuidParam('venueId')) venueId: string,
  ): Promise<void> {
    await this.venues.deleteVenue(caller, eventId, venueId);
  }

  @Post('rooms')
  @Roles(...PROGRAMME_WRITERS)
  @ApiCreatedResponse({ type: RoomDto })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: 'VENUE_NOT_IN_EVENT' })
  createRoom(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Body() dto: CreateRoomDto,
  ): Promise<RoomDto> {
    return this.venues.createRoom(caller, eventId, dto);
  }

  @Get('rooms')
  @Roles(...PROGRAMME_READERS)
  @ApiOkResponse({ type: RoomPageDto })
  listRooms(@Param('eventId', UuidParam('eventId')) eventId: string, @Query() query: ListRoomsQueryDto): Promise<Page<RoomDto>> {
    return this.venues.listRooms(eventId, query);
  }

  @Patch('rooms/:roomId')
  @Roles(...PROGRAMME_WRITERS)
  @ApiOkResponse({ type: RoomDto })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: 'CAPACITY_EXCEEDS_ROOM: sessions in the room need more seats' })
  updateRoom(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('roomId', UuidParam('roomId')) roomId: string,
    @Body() dto: UpdateRoomDto,
  ): Promise<RoomDto> {
    return this.venues.updateRoom(caller, eventId, roomId, dto);
  }

  @Delete('rooms/:roomId')
  @HttpCode(204)
  @Roles(...PROGRAMME_WRITERS)
  @ApiNoContentResponse({ description: 'Room deleted' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'FOREIGN_KEY_VIOLATION: sessions are still in the room' })
  async deleteRoom(
    @CurrentCaller() caller: CallerWithSession,
    @Param('eventId', UuidParam('eventId')) eventId: string,
    @Param('roomId', UuidParam('roomId')) roomId: string,
  ): Promise<void> {
    await this.venues.deleteRoom(caller, eventId, roomId);
  }
}
