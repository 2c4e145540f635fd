import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pageOf, type PageQueryDto } from '#core/http/pagination.js';
import { eventOrFail } from '../events/events.service.js';
import type { ConflictDto, ConflictReportDto } from './conflict.dto.js';

/** Less than this between two sessions in different venues is too tight a transfer for a speaker. */
export const MIN_TRANSFER_MINUTES = 15;

interface Row {
  code: ConflictDto['code'];
  severity: ConflictDto['severity'];
  person_id: string | null;
  room_id: string | null;
  sessions: ConflictDto['sessions'];
  detail: Record<string, unknown> | null;
}

/**
 * Everything an organiser should look at before publishing, drafts included
 * (cancelled sessions are ignored). Hard conflicts are what PostgreSQL refuses
 * for scheduled sessions — found here among drafts before they are scheduled;
 * soft ones are allowed but worth a look.
 */
@Injectable()
export class ConflictReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(eventId: string, query: PageQueryDto): Promise<ConflictReportDto> {
    await eventOrFail(this.dataSource.manager, eventId);
    const rows = (await this.dataSource.query(
      `WITH live AS (
         SELECT s.*, r.venue_id, r.capacity AS room_capacity FROM session s LEFT JOIN room r ON r.id = s.room_id
          WHERE s.event_id = $1 AND s.status <> 'cancelled'),
       brief AS (
         SELECT id, json_build_object('id', id, 'title', title, 'status', status, 'roomId', room_id,
                                      'startsAt', starts_at, 'endsAt', ends_at) AS j FROM live),
       presence AS (
         SELECT sr.person_id, l.* FROM session_role sr JOIN live l ON l.id = sr.session_id WHERE sr.needs_presence)
       SELECT 'ROOM_CONFLICT' AS code, 'hard' AS severity, NULL::uuid AS person_id, a.room_id,
              json_build_array(ba.j, bb.j) AS sessions, NULL::json AS detail, a.starts_at AS sort_at
         FROM live a JOIN live b ON a.room_id = b.room_id AND a.id < b.id AND a.during && b.during
         JOIN brief ba ON ba.id = a.id JOIN brief bb ON bb.id = b.id
       UNION ALL
       SELECT DISTINCT ON (a.person_id, a.id, b.id) 'PERSON_CONFLICT', 'hard', a.person_id, NULL,
              json_build_array(ba.j, bb.j), NULL, a.starts_at
         FROM presence a JOIN presence b ON a.person_id = b.person_id AND a.id < b.id AND a.during && b.during
         JOIN brief ba ON ba.id = a.id JOIN brief bb ON bb.id = b.id
       UNION ALL
       SELECT 'ROOM_TOO_SMALL', 'soft', NULL, l.room_id, json_build_array(bl.j),
              json_build_object('capacity', l.capacity, 'seats', l.room_capacity, 'enrolled', l.seats_taken,
                                'reason', l.capacity_override_reason), l.starts_at
         FROM live l JOIN brief bl ON bl.id = l.id
        -- A planned capacity above the seats (an override), or more delegates enrolled than the room seats
        -- (the session moved to a smaller room after they enrolled).
        WHERE l.capacity > l.room_capacity OR l.seats_taken > l.room_capacity
       UNION ALL
       SELECT DISTINCT ON (a.person_id, a.id, b.id) 'TIGHT_TRANSFER', 'soft', a.person_id, NULL,
              json_build_array(ba.j, bb.j),
              json_build_object('minutes', extract(epoch FROM b.starts_at - a.ends_at) / 60), a.starts_at
         FROM presence a JOIN presence b ON a.person_id = b.person_id AND a.id <> b.id
          AND b.starts_at >= a.ends_at AND b.starts_at - a.ends_at < make_interval(mins => $2)
          AND a.venue_id IS DISTINCT FROM b.venue_id AND a.venue_id IS NOT NULL AND b.venue_id IS NOT NULL
         JOIN brief ba ON ba.id = a.id JOIN brief bb ON bb.id = b.id
       ORDER BY sort_at, code`,
      [eventId, MIN_TRANSFER_MINUTES],
    )) as Row[];
    const conflicts: ConflictDto[] = rows.map((row) => ({
      code: row.code,
      severity: row.severity,
      personId: row.person_id,
      roomId: row.room_id,
      sessions: row.sessions,
      detail: row.detail,
    }));
    return {
      ...pageOf(conflicts, query),
      hard: conflicts.filter((c) => c.severity === 'hard').length,
      soft: conflicts.filter((c) => c.severity === 'soft').length,
    };
  }
}
