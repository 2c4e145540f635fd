import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { likePattern } from '#core/database/like-pattern.js';
import { type Page, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import '../programme-constraints.js';
import { PublicProgrammeService } from '../public/public-programme.service.js';
import { ConferenceEvent } from './event.entity.js';
import {
  type CreateEventDto,
  type EventDto,
  type ListEventsQueryDto,
  type PublicEventDto,
  toEventDto,
  toPublicEventDto,
  type UpdateEventDto,
} from './event.dto.js';

/** Loads an event inside a transaction, or answers 404. Used by every programme service. */
export async function eventOrFail(manager: EntityManager, eventId: string, lock = false): Promise<ConferenceEvent> {
  const event = await manager.findOne(ConferenceEvent, { where: { id: eventId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
  if (!event) throw new NotFoundError('Event', { eventId });
  return event;
}

function assertDayOrder(firstDay: string, lastDay: string): void {
  if (lastDay < firstDay) throw new AppError(422, 'EVENT_DAYS_ORDER', 'The last day must not be before the first day');
}

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publicProgramme: PublicProgrammeService,
  ) {}

  async create(caller: Caller, dto: CreateEventDto): Promise<EventDto> {
    assertDayOrder(dto.firstDay, dto.lastDay);
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.save(
        manager.create(ConferenceEvent, {
          ...dto,
          status: dto.status ?? 'draft',
          registrationMode: dto.registrationMode ?? 'approval',
          consentNoticeVersion: dto.consentNoticeVersion ?? '1',
          consentNotice: dto.consentNotice ?? null,
        }),
      );
      const after = toEventDto(event);
      await this.audit.record(manager, caller, { action: 'event.created', entity: 'event', entityId: event.id, after });
      return after;
    });
  }

  async update(caller: Caller, eventId: string, dto: UpdateEventDto): Promise<EventDto> {
    rejectNulls(dto, ['slug', 'name', 'city', 'timeZone', 'firstDay', 'lastDay', 'defaultLanguage', 'status', 'registrationMode', 'consentNoticeVersion']);
    const { before, after } = await this.dataSource.transaction(async (manager) => {
      const event = await eventOrFail(manager, eventId, true);
      const before = toEventDto(event);
      Object.assign(event, dto);
      assertDayOrder(event.firstDay, event.lastDay);
      const after = toEventDto(await manager.save(event));
      await this.audit.record(manager, caller, { action: 'event.updated', entity: 'event', entityId: event.id, before, after });
      return { before, after };
    });
    // Once committed: an edition taken back to draft (or renamed) leaves the public programme on this replica at
    // once, not a second later, and the fast path stops answering for it.
    if (before.status !== after.status || before.slug !== after.slug) this.publicProgramme.forget(before.slug);
    return after;
  }

  /** A published edition for the public; a draft or archived one answers as an unknown slug does, as its programme does. */
  async getPublished(slug: string): Promise<PublicEventDto> {
    const event = await this.dataSource.getRepository(ConferenceEvent).findOneBy({ slug, status: 'published' });
    if (!event) throw new NotFoundError('Event', { slug });
    return toPublicEventDto(event);
  }

  async get(eventId: string): Promise<EventDto> {
    return toEventDto(await eventOrFail(this.dataSource.manager, eventId));
  }

  async list(query: ListEventsQueryDto): Promise<Page<EventDto>> {
    const builder = this.dataSource.getRepository(ConferenceEvent).createQueryBuilder('e');
    if (query.status) builder.andWhere('e.status = :status', { status: query.status });
    if (query.q) builder.andWhere('(e.slug ILIKE :like OR e.name::text ILIKE :like)', { like: likePattern(query.q) });
    const [rows, total] = await builder.orderBy('e.first_day', 'DESC').addOrderBy('e.id').skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    return toPage(rows, total, query, toEventDto);
  }
}
