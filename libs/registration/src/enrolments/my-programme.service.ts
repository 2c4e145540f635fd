import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { type MyEditionDto, type MySessionDto, type MySessionRow, toMySessionDto } from './my-programme.dto.js';

/**
 * What a delegate's portal shows of their edition: its names and zone, and the sessions they may claim a seat in
 * (what claim_seat accepts: not drafts, invitation-only ones only when invited; cancelled ones shown as such) with
 * the seats left and their own claim. Organisers' routes show the same figures; this one answers only the owner.
 */
@Injectable()
export class MyProgrammeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async edition(caller: Caller, registrationId: string): Promise<MyEditionDto> {
    const [row] = (await this.dataSource.query(
      `SELECT e.id, e.slug, e.name, e.city, e.time_zone, e.first_day::text AS first_day, e.last_day::text AS last_day
         FROM registration r JOIN event e ON e.id = r.event_id
        WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`,
      [registrationId, caller.userId],
    )) as { id: string; slug: string; name: MyEditionDto['name']; city: MyEditionDto['city']; time_zone: string; first_day: string; last_day: string }[];
    if (!row) throw new NotFoundError('Registration', { id: registrationId });
    return { id: row.id, slug: row.slug, name: row.name, city: row.city, timeZone: row.time_zone, firstDay: row.first_day, lastDay: row.last_day };
  }

  async programme(caller: Caller, registrationId: string, query: PageQueryDto): Promise<Page<MySessionDto>> {
    const [owned] = (await this.dataSource.query(
      `SELECT r.event_id FROM registration r WHERE r.id = $1 AND r.user_id = $2 AND r.anonymised_at IS NULL`,
      [registrationId, caller.userId],
    )) as { event_id: string }[];
    if (!owned) throw new NotFoundError('Registration', { id: registrationId });
    const visible = `s.event_id = $1 AND s.status <> 'draft'
      AND (s.visibility = 'public' OR EXISTS (SELECT 1 FROM session_invitee i WHERE i.session_id = s.id AND i.registration_id = $2))`;
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.kind, s.title, s.starts_at, s.ends_at, s.status, s.seats_taken, rm.name AS room,
              to_char(s.starts_at AT TIME ZONE ev.time_zone, 'YYYY-MM-DD') AS day,
              coalesce(s.capacity, rm.capacity) AS capacity,
              (SELECT count(*)::int FROM enrolment w WHERE w.session_id = s.id AND w.status = 'waitlisted') AS waitlisted,
              mine.id AS enrolment_id, mine.status AS enrolment_status,
              CASE WHEN mine.status = 'waitlisted' THEN
                (SELECT count(*)::int FROM enrolment w WHERE w.session_id = s.id AND w.status = 'waitlisted' AND w.arrival <= mine.arrival)
              END AS waitlist_position
         FROM session s JOIN event ev ON ev.id = s.event_id LEFT JOIN room rm ON rm.id = s.room_id
         LEFT JOIN enrolment mine ON mine.session_id = s.id AND mine.registration_id = $2 AND mine.status <> 'cancelled'
        WHERE ${visible}
        ORDER BY s.starts_at, s.id OFFSET $3 LIMIT $4`,
      [owned.event_id, registrationId, skipOf(query), query.pageSize],
    )) as MySessionRow[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM session s WHERE ${visible}`, [owned.event_id, registrationId])) as {
      total: number;
    }[];
    return toPage(rows, total, query, toMySessionDto);
  }
}
