import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, skipOf } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { likePattern } from '#core/database/like-pattern.js';
import { retryOnConflict } from '#core/database/retry-on-conflict.js';
import { eventOrFail } from '../events/events.service.js';
import { Room } from '../venues/room.entity.js';
import { assertTimes, explainScheduleConflict, lockPeopleEngagements } from './schedule-conflicts.js';
import { ProgrammeSession } from './session.entity.js';
import { SessionRole } from './session-role.entity.js';
import {
  type AddSessionRoleDto,
  type CreateSessionDto,
  type ListSessionsQueryDto,
  type SessionDto,
  type SessionRoleDto,
  toSessionDto,
  toSessionRoleDto,
  type UpdateSessionDto,
  type UpdateSessionRoleDto,
} from './session.dto.js';

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, eventId: string, dto: CreateSessionDto): Promise<SessionDto> {
    assertTimes(dto.startsAt, dto.endsAt);
    const { hostOrganisationIds, ...fields } = dto;
    try {
      // Racing writers on an exclusion constraint can deadlock; the victim retries and meets the winner's row.
      return await retryOnConflict(() => this.dataSource.transaction(async (manager) => {
        await eventOrFail(manager, eventId);
        const session = manager.create(ProgrammeSession, {
          ...fields,
          eventId,
          theme: fields.theme ?? null,
          description: fields.description ?? null,
          roomId: fields.roomId ?? null,
          trackId: fields.trackId ?? null,
          capacity: fields.capacity ?? null,
          capacityOverrideReason: fields.capacityOverrideReason ?? null,
          languagesSpoken: fields.languagesSpoken ?? [],
          languagesInterpreted: fields.languagesInterpreted ?? [],
          visibility: fields.visibility ?? 'public',
          status: fields.status ?? 'draft',
        });
        await this.assertRoomInEvent(manager, session);
        await this.assertInterpretation(manager, session);
        await manager.save(session);
        await this.setHosts(manager, session.id, hostOrganisationIds ?? []);
        const after = await this.toDto(manager, session);
        await this.audit.record(manager, caller, { action: 'session.created', entity: 'session', entityId: session.id, after });
        return after;
      }));
    } catch (error) {
      return explainScheduleConflict(this.dataSource.manager, error, { roomId: dto.roomId, startsAt: dto.startsAt, endsAt: dto.endsAt });
    }
  }

  async update(caller: Caller, eventId: string, sessionId: string, dto: UpdateSessionDto): Promise<SessionDto> {
    rejectNulls(dto, ['kind', 'title', 'startsAt', 'endsAt', 'languagesSpoken', 'languagesInterpreted', 'visibility', 'status', 'hostOrganisationIds']);
    let attempted: ProgrammeSession | undefined;
    try {
      // Racing writers on an exclusion constraint can deadlock; the victim retries and meets the winner's row.
      return await retryOnConflict(() => this.dataSource.transaction(async (manager) => {
        const session = await this.sessionOrFail(manager, eventId, sessionId, true);
        // A move takes its people along: queue behind anyone engaging them right now.
        const people = (await manager.query(`SELECT person_id FROM session_role WHERE session_id = $1`, [sessionId])) as { person_id: string }[];
        await lockPeopleEngagements(manager, people.map((r) => r.person_id));
        const before = await this.toDto(manager, session);
        const { hostOrganisationIds, ...fields } = dto;
        // A stored capacity override reason stands until an organiser changes or clears it, whether the capacity
        // or the room changes: a move to a smaller room is judged as a smaller capacity is.
        Object.assign(session, fields);
        attempted = session;
        assertTimes(session.startsAt, session.endsAt);
        if (fields.roomId !== undefined) await this.assertRoomInEvent(manager, session);
        await this.assertInterpretation(manager, session);
        await manager.save(session);
        if (hostOrganisationIds) await this.setHosts(manager, session.id, hostOrganisationIds);
        const after = await this.toDto(manager, session);
        await this.audit.record(manager, caller, { action: 'session.updated', entity: 'session', entityId: session.id, before, after });
        return after;
      }));
    } catch (error) {
      return explainScheduleConflict(this.dataSource.manager, error, {
        sessionId,
        roomId: attempted?.roomId,
        startsAt: attempted?.startsAt,
        endsAt: attempted?.endsAt,
      });
    }
  }

  async get(eventId: string, sessionId: string): Promise<SessionDto> {
    const manager = this.dataSource.manager;
    return this.toDto(manager, await this.sessionOrFail(manager, eventId, sessionId));
  }

  async list(eventId: string, query: ListSessionsQueryDto): Promise<Page<SessionDto>> {
    const manager = this.dataSource.manager;
    const event = await eventOrFail(manager, eventId);
    const builder = manager.getRepository(ProgrammeSession).createQueryBuilder('s').where('s.event_id = :eventId', { eventId });
    if (query.day) {
      // A day in the event's time zone: sessions that overlap it.
      builder.andWhere(
        `s.starts_at < ((CAST(:day AS date) + 1)::timestamp AT TIME ZONE :tz) AND s.ends_at > (CAST(:day AS date)::timestamp AT TIME ZONE :tz)`,
        { day: query.day, tz: event.timeZone },
      );
    }
    if (query.trackId) builder.andWhere('s.track_id = :trackId', { trackId: query.trackId });
    if (query.roomId) builder.andWhere('s.room_id = :roomId', { roomId: query.roomId });
    if (query.kind) builder.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.status) builder.andWhere('s.status = :status', { status: query.status });
    if (query.visibility) builder.andWhere('s.visibility = :visibility', { visibility: query.visibility });
    if (query.q) builder.andWhere('s.title::text ILIKE :like', { like: likePattern(query.q) });
    const [rows, total] = await builder.orderBy('s.starts_at', 'ASC').addOrderBy('s.id').skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    const details = await this.details(manager, rows.map((s) => s.id));
    return {
      items: rows.map((s) => toSessionDto(s, details.hosts.get(s.id) ?? [], details.roles.get(s.id) ?? [])),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async addRole(caller: Caller, eventId: string, sessionId: string, dto: AddSessionRoleDto): Promise<SessionRoleDto> {
    try {
      // Racing writers on an exclusion constraint can deadlock; the victim retries and meets the winner's row.
      return await retryOnConflict(() => this.dataSource.transaction(async (manager) => {
        await this.sessionOrFail(manager, eventId, sessionId);
        await lockPeopleEngagements(manager, [dto.personId]);
        const role = await manager.save(
          manager.create(SessionRole, { sessionId, personId: dto.personId, role: dto.role, protocolOrder: dto.protocolOrder ?? 1 }),
        );
        const after = toSessionRoleDto(role);
        await this.audit.record(manager, caller, { action: 'session.role_added', entity: 'session', entityId: sessionId, after });
        return after;
      }));
    } catch (error) {
      return explainScheduleConflict(this.dataSource.manager, error, { sessionId, personId: dto.personId });
    }
  }

  /** Changes who speaks or stands first. */
  async updateRole(caller: Caller, eventId: string, sessionId: string, roleId: string, dto: UpdateSessionRoleDto): Promise<SessionRoleDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.sessionOrFail(manager, eventId, sessionId);
      const role = await manager.findOne(SessionRole, { where: { id: roleId, sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!role) throw new NotFoundError('Session role', { roleId });
      const before = toSessionRoleDto(role);
      role.protocolOrder = dto.protocolOrder;
      const after = toSessionRoleDto(await manager.save(role));
      await this.audit.record(manager, caller, { action: 'session.role_updated', entity: 'session', entityId: sessionId, before, after });
      return after;
    });
  }

  async removeRole(caller: Caller, eventId: string, sessionId: string, roleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessionOrFail(manager, eventId, sessionId);
      const role = await manager.findOneBy(SessionRole, { id: roleId, sessionId });
      if (!role) throw new NotFoundError('Session role', { roleId });
      await manager.delete(SessionRole, { id: roleId });
      await this.audit.record(manager, caller, {
        action: 'session.role_removed',
        entity: 'session',
        entityId: sessionId,
        before: toSessionRoleDto(role),
      });
    });
  }

  private async sessionOrFail(manager: EntityManager, eventId: string, sessionId: string, lock = false): Promise<ProgrammeSession> {
    const session = await manager.findOne(ProgrammeSession, {
      where: { id: sessionId, eventId },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!session) throw new NotFoundError('Session', { sessionId });
    return session;
  }

  /**
   * A room of another edition is refused as such before anything about it is judged: the capacity and
   * interpretation triggers run before the foreign key (session_room_fkey) and would otherwise answer
   * CAPACITY_EXCEEDS_ROOM or INTERPRETATION_NOT_AVAILABLE about a room the session can never have.
   */
  private async assertRoomInEvent(manager: EntityManager, session: ProgrammeSession): Promise<void> {
    if (!session.roomId) return;
    const found = await manager.existsBy(Room, { id: session.roomId, eventId: session.eventId });
    if (!found) {
      throw new AppError(422, 'ROOM_NOT_IN_EVENT', 'The room does not belong to this event', { roomId: session.roomId, eventId: session.eventId });
    }
  }

  /**
   * Interpretation is only promised in languages the room's booths deliver. The
   * database holds the rule (session_interpretation_in_room); this check names
   * the missing languages.
   */
  private async assertInterpretation(manager: EntityManager, session: ProgrammeSession): Promise<void> {
    if (!session.roomId || session.languagesInterpreted.length === 0) return;
    const room = await manager.findOne(Room, { where: { id: session.roomId, eventId: session.eventId }, lock: { mode: 'pessimistic_read' } });
    if (!room) return; // the foreign key answers ROOM_NOT_IN_EVENT
    const missing = session.languagesInterpreted.filter((language) => !room.interpretationChannels.includes(language));
    if (missing.length) {
      throw new AppError(422, 'INTERPRETATION_NOT_AVAILABLE', `The room offers no interpretation into: ${missing.join(', ')}`, {
        roomId: room.id,
        missing,
      });
    }
  }

  private async setHosts(manager: EntityManager, sessionId: string, organisationIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM session_host WHERE session_id = $1`, [sessionId]);
    if (organisationIds.length) {
      await manager.query(
        `INSERT INTO session_host (session_id, organisation_id, position)
         SELECT $1, id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS h(id, ord)`,
        [sessionId, organisationIds],
      );
    }
  }

  private async details(manager: EntityManager, sessionIds: string[]) {
    const hosts = new Map<string, string[]>();
    const roles = new Map<string, SessionRole[]>();
    if (sessionIds.length === 0) return { hosts, roles };
    const hostRows = (await manager.query(
      `SELECT session_id, organisation_id FROM session_host WHERE session_id = ANY($1::uuid[]) ORDER BY position`,
      [sessionIds],
    )) as { session_id: string; organisation_id: string }[];
    for (const row of hostRows) hosts.set(row.session_id, [...(hosts.get(row.session_id) ?? []), row.organisation_id]);
    for (const role of await manager.find(SessionRole, { where: { sessionId: In(sessionIds) } })) {
      roles.set(role.sessionId, [...(roles.get(role.sessionId) ?? []), role]);
    }
    return { hosts, roles };
  }

  private async toDto(manager: EntityManager, session: ProgrammeSession): Promise<SessionDto> {
    const details = await this.details(manager, [session.id]);
    return toSessionDto(session, details.hosts.get(session.id) ?? [], details.roles.get(session.id) ?? []);
  }
}
