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
import { Track } from './track.entity.js';
import { type CreateTrackDto, toTrackDto, type TrackDto, type UpdateTrackDto } from './track.dto.js';

@Injectable()
export class TracksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, eventId: string, dto: CreateTrackDto): Promise<TrackDto> {
    return this.dataSource.transaction(async (manager) => {
      await eventOrFail(manager, eventId);
      const track = toTrackDto(await manager.save(manager.create(Track, { ...dto, position: dto.position ?? 0, eventId })));
      await this.audit.record(manager, caller, { action: 'track.created', entity: 'track', entityId: track.id, after: track });
      return track;
    });
  }

  async update(caller: Caller, eventId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackDto> {
    rejectNulls(dto, ['name', 'colour', 'position']);
    return this.dataSource.transaction(async (manager) => {
      const track = await manager.findOne(Track, { where: { id: trackId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!track) throw new NotFoundError('Track', { trackId });
      const before = toTrackDto(track);
      const after = toTrackDto(await manager.save(Object.assign(track, dto)));
      await this.audit.record(manager, caller, { action: 'track.updated', entity: 'track', entityId: trackId, before, after });
      return after;
    });
  }

  /** A track still given to a session stays: the database refuses (409 FOREIGN_KEY_VIOLATION), nothing is lost. */
  async remove(caller: Caller, eventId: string, trackId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const track = await manager.findOne(Track, { where: { id: trackId, eventId }, lock: { mode: 'pessimistic_write' } });
      if (!track) throw new NotFoundError('Track', { trackId });
      refuseWhileUsed('track', 'sessions', await manager.count(ProgrammeSession, { where: { trackId, eventId } }));
      const before = toTrackDto(track);
      await manager.delete(Track, { id: trackId, eventId });
      await this.audit.record(manager, caller, { action: 'track.deleted', entity: 'track', entityId: trackId, before });
    });
  }

  async list(eventId: string, query: PageQueryDto): Promise<Page<TrackDto>> {
    await eventOrFail(this.dataSource.manager, eventId);
    const [rows, total] = await this.dataSource.getRepository(Track).findAndCount({
      where: { eventId },
      order: { position: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return toPage(rows, total, query, toTrackDto);
  }
}
