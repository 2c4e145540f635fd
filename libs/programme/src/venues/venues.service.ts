import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { eventOrFail } from '../events/events.service.js';
import { ProgrammeSession } from '../sessions/session.entity.js';
import { refuseWhileUsed } from '../still-used.js';
import { Room } from './room.entity.js';
import { Venue } from './venue.entity.js';
import {
  type CreateRoomDto,
  type CreateVenueDto,
  type ListRoomsQueryDto,
  type RoomDto,
  toRoomDto,
  toVenueDto,
  type UpdateRoomDto,
  type UpdateVenueDto,
  type VenueDto,
} from './venue.dto.js';

@Injectable()
export class VenuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async createVenue(caller: Caller, eventId: string, dto: CreateVenueDto): Promise<VenueDto> {
    return this.dataSource.transaction(async (manager) => {
      await eventOrFail(manager, eventId);
      const venue = toVenueDto(await manager.save(manager.create(Venue, { ...dto, address: dto.address ?? null, eventId })));
      await this.audit.record(manager, caller, { action: 'venue.created', entity: 'venue', entityId: venue.id, after: venue });
      return venue;
    });
  }

  async updateVenue(caller: Caller, eventId: string, venueId: string, dto: UpdateVenueDto): Promise<VenueDto> {
    rejectNulls(dto, ['name']);
    return this.dataSource.transaction(async (manager) => {
      const venue = await manager.findOne(Venue, { where: { id: venueId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!venue) throw new NotFoundError('Venue', { venueId });
      const before = toVenueDto(venue);
      const after = toVenueDto(await manager.save(Object.assign(venue, dto)));
      await this.audit.record(manager, caller, { action: 'venue.updated', entity: 'venue', entityId: venueId, before, after });
      return after;
    });
  }

  /** A venue that still has rooms stays: the database refuses (409 FOREIGN_KEY_VIOLATION), nothing is lost. */
  async deleteVenue(caller: Caller, eventId: string, venueId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const venue = await manager.findOne(Venue, { where: { id: venueId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!venue) throw new NotFoundError('Venue', { venueId });
      refuseWhileUsed('venue', 'rooms', await manager.count(Room, { where: { venueId, eventId } }));
      const before = toVenueDto(venue);
      await manager.delete(Venue, { id: venueId, eventId });
      await this.audit.record(manager, caller, { action: 'venue.deleted', entity: 'venue', entityId: venueId, before });
    });
  }

  async listVenues(eventId: string, query: PageQueryDto): Promise<Page<VenueDto>> {
    await eventOrFail(this.dataSource.manager, eventId);
    const [rows, total] = await this.dataSource.getRepository(Venue).findAndCount({
      where: { eventId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return toPage(rows, total, query, toVenueDto);
  }

  async createRoom(caller: Caller, eventId: string, dto: CreateRoomDto): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      await eventOrFail(manager, eventId);
      const room = toRoomDto(
        await manager.save(manager.create(Room, { ...dto, interpretationChannels: dto.interpretationChannels ?? [], eventId })),
      );
      await this.audit.record(manager, caller, { action: 'room.created', entity: 'room', entityId: room.id, after: room });
      return room;
    });
  }

  async updateRoom(caller: Caller, eventId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomDto> {
    rejectNulls(dto, ['venueId', 'name', 'capacity', 'interpretationChannels']);
    return this.dataSource.transaction(async (manager) => {
      const room = await manager.findOne(Room, { where: { id: roomId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!room) throw new NotFoundError('Room', { roomId });
      const before = toRoomDto(room);
      const after = toRoomDto(await manager.save(Object.assign(room, dto)));
      await this.audit.record(manager, caller, { action: 'room.updated', entity: 'room', entityId: roomId, before, after });
      return after;
    });
  }

  /** A room that still holds sessions stays: the database refuses (409 FOREIGN_KEY_VIOLATION), nothing is lost. */
  async deleteRoom(caller: Caller, eventId: string, roomId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const room = await manager.findOne(Room, { where: { id: roomId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!room) throw new NotFoundError('Room', { roomId });
      refuseWhileUsed('room', 'sessions', await manager.count(ProgrammeSession, { where: { roomId, eventId } }));
      const before = toRoomDto(room);
      await manager.delete(Room, { id: roomId, eventId });
      await this.audit.record(manager, caller, { action: 'room.deleted', entity: 'room', entityId: roomId, before });
    });
  }

  async listRooms(eventId: string, query: ListRoomsQueryDto): Promise<Page<RoomDto>> {
    await eventOrFail(this.dataSource.manager, eventId);
    const [rows, total] = await this.dataSource.getRepository(Room).findAndCount({
      where: query.venueId ? { eventId, venueId: query.venueId } : { eventId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return toPage(rows, total, query, toRoomDto);
  }
}
