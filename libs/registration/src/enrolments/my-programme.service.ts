import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { EventRepository, SessionRepository } from '#programme/index.js';
import { type MyEditionDto, type MySessionDto, type MySessionRow, toMySessionDto } from './my-programme.dto.js';

/**
 * What a delegate's portal shows of their edition: its names and zone, and the sessions they may claim a seat in
 * (what claim_seat accepts: not drafts, invitation-only ones only when invited; cancelled ones shown as such) with
 * the seats left and their own claim. Organisers' routes show the same figures; this one answers only the owner.
 */
@Injectable()
export class MyProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    private readonly sessions: SessionRepository,
  ) {}

  async edition(caller: Caller, registrationId: string): Promise<MyEditionDto> {
    const [owned] = (await this.dataSource.query(`SELECT r.event_id FROM registration r WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`, [
      registrationId,
      caller.userId,
    ])) as { event_id: string }[];
    if (!owned) throw new NotFoundError('Registration', { id: registrationId });
    const row = (await this.events.factsOf([owned.event_id])).get(owned.event_id)!;
    return { id: row.id, slug: row.slug, name: row.name, city: row.city, timeZone: row.time_zone, firstDay: row.first_day, lastDay: row.last_day };
  }

  async programme(caller: Caller, registrationId: string, query: PageQueryDto): Promise<Page<MySessionDto>> {
    const [owned] = (await this.dataSource.query(
      `SELECT r.event_id FROM registration r WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`,
      [registrationId, caller.userId],
    )) as { event_id: string }[];
    if (!owned) throw new NotFoundError('Registration', { id: registrationId });
    // The sessions the registration may claim, from programme; its own claims and the queues on them from enrolment.
    const { rows: sessions, total } = await this.sessions.claimableBy(owned.event_id, registrationId, skipOf(query), query.pageSize);
    const claims = (await this.dataSource.query(
      `SELECT s.id AS session_id,
              (SELECT count(*)::int FROM enrolment w WHERE w.session_id = s.id AND w.status = 'waitlisted') AS waitlisted,
              mine.id AS enrolment_id, mine.status AS enrolment_status,
              CASE WHEN mine.status = 'waitlisted' THEN
                (SELECT count(*)::int FROM enrolment w WHERE w.session_id = s.id AND w.status = 'waitlisted' AND w.arrival <= mine.arrival)
              END AS waitlist_position
         FROM unnest($1::uuid[]) AS s(id)
         LEFT JOIN enrolment mine ON mine.session_id = s.id AND mine.registration_id = $2 AND mine.status <> 'cancelled'`,
      [sessions.map((session) => session.id), registrationId],
    )) as (Pick<MySessionRow, 'waitlisted' | 'enrolment_id' | 'enrolment_status' | 'waitlist_position'> & { session_id: string })[];
    const claimOf = new Map(claims.map(({ session_id, ...claim }) => [session_id, claim]));
    const rows: MySessionRow[] = sessions.map((session) => ({ ...session, ...claimOf.get(session.id)! }));
    return toPage(rows, total, query, toMySessionDto);
  }
}
