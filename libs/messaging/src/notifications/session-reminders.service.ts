import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { formatInstant } from './format-instant.js';
import { NotificationRecorder } from './notification-recorder.service.js';
import type { ReminderState, SessionReminderDto } from './session-reminder.dto.js';

export type ReminderOutcome = 'recorded' | 'dropped' | 'replanned';

/**
 * A session's start as delegates were told it (SQL, for a session aliased `s`): the latest release's, while an
 * organiser's unreleased move waits; the session's own for one never released. Reminders are planned and
 * checked against this one time.
 */
const PUBLISHED_START = `coalesce(
  (SELECT (x->>'startsAt')::timestamptz
     FROM (SELECT snapshot FROM schedule_release WHERE event_id = s.event_id ORDER BY number DESC LIMIT 1) rel,
          jsonb_array_elements(rel.snapshot->'sessions') x
    WHERE x->>'id' = s.id::text),
  s.starts_at)`;

/** When a reminder for a session starting at `startsAt` goes: `leadMinutes` before, at once if that has passed, never once it has begun. */
export function reminderTime(startsAt: Date, leadMinutes: number, now: Date = new Date()): Date | null {
  if (startsAt.getTime() <= now.getTime()) return null;
  return new Date(Math.max(now.getTime(), startsAt.getTime() - leadMinutes * 60_000));
}

interface PlannedReminderRow {
  enrolment_id: string;
  planned_start: string;
  due_at: Date;
  sent_at: Date | null;
  registration_id: string;
  name_native: string | null;
  name_latin: string | null;
  holds: boolean;
  notification_id: string | null;
  notification_status: SessionReminderDto['notificationStatus'];
  total: string;
}

function stateOf(row: PlannedReminderRow): ReminderState {
  if (row.notification_id) return 'recorded';
  if (row.sent_at === null) return row.holds ? 'planned' : 'obsolete';
  return row.holds ? 'relayed' : 'dropped';
}

interface SeatRow {
  enrolment_status: string;
  registration_status: string;
  anonymised: boolean;
  session_status: string;
  starts_at: Date;
  user_id: string;
  email: string;
  preferred_language: Language;
  name_native: string;
  title: Trilingual;
  room: Trilingual | null;
  time_zone: string;
}

/**
 * Reminders before each session a delegate holds a seat in. They are delayed jobs
 * (an outbox row with deliver_at, kept by PostgreSQL and relayed when due), planned
 * when a seat is confirmed or a waiting delegate is promoted, and again when a
 * release moves the session. Jobs are not hunted down when plans change: each one
 * checks at fire time that its seat is still held and the session still starts,
 * as published, when it was planned for, and drops itself otherwise. Reminders
 * follow releases, like the move notices: an organiser's draft move changes
 * nothing until it is published. The message is recorded under (enrolment,
 * start), so two jobs for one start send one reminder.
 */
@Injectable()
export class SessionReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly recorder: NotificationRecorder,
  ) {}

  /** Plans one seat holder's reminder for a given start, in the caller's transaction. False when the session has begun. */
  private async plan(manager: EntityManager, enrolmentId: string, startsAt: Date): Promise<boolean> {
    const at = reminderTime(startsAt, this.config.reminderLeadMinutes);
    if (!at) return false;
    await this.outbox.add(manager, JobName.SendSessionReminder, { enrolmentId, startsAt: startsAt.toISOString() }, { deliverAt: at });
    return true;
  }

  /** Plans the reminders of every seat holder of a session in one statement (a release moved it). */
  planForSession(manager: EntityManager, sessionId: string): Promise<number> {
    return this.planWhere(manager, 'en.session_id = $1', sessionId);
  }

  /** Plans one seat holder's reminder (a seat confirmed or promoted), for the session's published start. */
  planForEnrolment(manager: EntityManager, enrolmentId: string): Promise<number> {
    return this.planWhere(manager, 'en.id = $1', enrolmentId);
  }

  private async planWhere(manager: EntityManager, condition: string, id: string): Promise<number> {
    const rows = (await manager.query(
      // One delayed job per seat holder, through core's set-based writer of the outbox (which knows the job's
      // queue): payloads and times aggregated in one pass, so they pair by position.
      `SELECT queued.id
         FROM (SELECT array_agg(jsonb_build_object('enrolmentId', planned.id,
                                 'startsAt', to_char(planned.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) AS payloads,
                      array_agg(greatest(now(), planned.starts_at - make_interval(mins => $3))) AS deliver_at
                 FROM (SELECT en.id, ${PUBLISHED_START} AS starts_at
                         FROM enrolment en JOIN session s ON s.id = en.session_id
                        WHERE ${condition} AND en.status = 'enrolled' AND s.status = 'scheduled') planned
                WHERE planned.starts_at > now()) due,
              core_enqueue_each($2, coalesce(due.payloads, '{}'), due.deliver_at) queued (id)`,
      [id, JobName.SendSessionReminder, this.config.reminderLeadMinutes],
    )) as unknown[];
    return rows.length;
  }

  /**
   * The reminders planned for a session's seat holders, for the organisers: one per delegate and start (a start
   * planned twice, say by the confirmation and by a release, sends one message), soonest first, each with where it
   * stands. Judged by the rule the job itself applies when it fires (see fire()).
   */
  async listForSession(eventId: string, sessionId: string, query: PageQueryDto): Promise<Page<SessionReminderDto>> {
    const rows = (await this.dataSource.query(
      `WITH target AS (
         SELECT s.id, s.status, ${PUBLISHED_START} AS published_start FROM session s WHERE s.id = $1 AND s.event_id = $2
       ), planned AS (
         SELECT DISTINCT ON (o.payload->>'enrolmentId', o.payload->>'startsAt')
                o.id, o.payload->>'enrolmentId' AS enrolment_id, o.payload->>'startsAt' AS planned_start, o.due_at, o.sent_at
           FROM outbox o
          WHERE o.name = $3 AND o.payload->>'enrolmentId' IN (SELECT e.id::text FROM enrolment e WHERE e.session_id = $1)
          ORDER BY o.payload->>'enrolmentId', o.payload->>'startsAt', o.sent_at NULLS LAST, o.id
       )
       SELECT p.enrolment_id, p.planned_start, p.due_at, p.sent_at, en.registration_id, r.name_native, r.name_latin,
              (en.status = 'enrolled' AND r.status = 'approved' AND r.anonymised_at IS NULL AND t.status = 'scheduled'
                 AND t.published_start = p.planned_start::timestamptz AND t.published_start > now()) AS holds,
              n.id AS notification_id, n.status AS notification_status, count(*) OVER () AS total
         FROM planned p CROSS JOIN target t
         JOIN enrolment en ON en.id = p.enrolment_id::uuid JOIN registration r ON r.id = en.registration_id
         LEFT JOIN notification n ON n.kind = 'session-reminder' AND n.trigger_key = 'reminder:' || p.enrolment_id || ':' || p.planned_start
        ORDER BY p.due_at, p.id OFFSET $4 LIMIT $5`,
      [sessionId, eventId, JobName.SendSessionReminder, skipOf(query), query.pageSize],
    )) as PlannedReminderRow[];
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length) {
      // No session, no reminders, or a page past the end.
      const [found] = (await this.dataSource.query(
        `SELECT (SELECT count(DISTINCT (o.payload->>'enrolmentId', o.payload->>'startsAt'))::int FROM outbox o
                  WHERE o.name = $3 AND o.payload->>'enrolmentId' IN (SELECT e.id::text FROM enrolment e WHERE e.session_id = $1)) AS n
           FROM session WHERE id = $1 AND event_id = $2`,
        [sessionId, eventId, JobName.SendSessionReminder],
      )) as { n: number }[];
      if (!found) throw new NotFoundError('Session', { sessionId });
      total = found.n;
    }
    return toPage(rows, total, query, (row) => ({
      enrolmentId: row.enrolment_id,
      registrationId: row.registration_id,
      nameNative: row.name_native,
      nameLatin: row.name_latin,
      sessionStartsAt: new Date(row.planned_start).toISOString(),
      sendAt: row.due_at.toISOString(),
      relayedAt: row.sent_at?.toISOString() ?? null,
      state: stateOf(row),
      notificationId: row.notification_id,
      notificationStatus: row.notification_status,
    }));
  }

  /** The delayed job's work: record the reminder if its seat and start still hold. */
  async fire(enrolmentId: string, plannedStartsAt: string): Promise<ReminderOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [seat] = (await manager.query(
        `SELECT en.status AS enrolment_status, r.status AS registration_status, r.anonymised_at IS NOT NULL AS anonymised,
                s.status AS session_status, r.user_id, u.email, r.preferred_language, r.name_native,
                s.title, rm.name AS room, ev.time_zone, ${PUBLISHED_START} AS starts_at
           FROM enrolment en JOIN registration r ON r.id = en.registration_id JOIN app_user u ON u.id = r.user_id
           JOIN session s ON s.id = en.session_id JOIN event ev ON ev.id = s.event_id LEFT JOIN room rm ON rm.id = s.room_id
          WHERE en.id = $1`,
        [enrolmentId],
      )) as SeatRow[];
      if (!seat) return 'dropped';
      const seatHeld =
        seat.enrolment_status === 'enrolled' && seat.registration_status === 'approved' && !seat.anonymised && seat.session_status === 'scheduled';
      if (!seatHeld || seat.starts_at.getTime() <= Date.now()) return 'dropped';
      if (seat.starts_at.getTime() !== new Date(plannedStartsAt).getTime()) {
        // The published time is not the one this was planned for. The release that moved it planned the new
        // reminder; planning it again here covers a release whose planning was missed (a duplicate plan
        // still sends one message).
        await this.plan(manager, enrolmentId, seat.starts_at);
        return 'replanned';
      }
      const language = seat.preferred_language;
      await this.recorder.record(manager, {
        kind: 'session-reminder',
        triggerKey: `reminder:${enrolmentId}:${seat.starts_at.toISOString()}`,
        recipientUserId: seat.user_id,
        recipientEmail: seat.email,
        language,
        values: {
          name: seat.name_native,
          sessionTitle: renderText(seat.title, language)?.text ?? '',
          startsAt: formatInstant(seat.starts_at, seat.time_zone, language),
          room: seat.room ? (renderText(seat.room, language)?.text ?? '') : '',
        },
      });
      return 'recorded';
    });
  }
}
