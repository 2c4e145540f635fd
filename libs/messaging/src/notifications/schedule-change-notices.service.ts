import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LANGUAGES, type Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { JobName } from '#core/queue/queue-names.js';
import { calendarSequence } from '#core/calendar/calendar-identity.js';
import type { CalendarEntry } from '../mail/session-calendar.js';
import type { MessageKind } from '../templates/message-kinds.js';
import { formatInstant } from './format-instant.js';
import { SessionReminders } from './session-reminders.service.js';

interface ChangedSession {
  sessionId: string;
  title: Trilingual;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  from?: { startsAt: string };
}

interface ReleaseRow {
  id: string;
  event_name: Trilingual;
  time_zone: string;
  published_at: Date;
  changes: { moved?: ChangedSession[]; roomChanged?: ChangedSession[] };
}

/**
 * Tells each delegate holding a seat (or a place in line) in a session that a
 * schedule release moved or re-roomed it, and re-plans the reminders of a moved one. Cancellations are told when the
 * session is cancelled (enrolment-cancelled), so they are not repeated here.
 *
 * Recording is set-based: one statement per session and change writes every
 * recipient's notification and its delivery job, so a session with thousands
 * of delegates is recorded in one round trip. The unique key on (kind,
 * trigger, recipient) makes a repeated job record nothing new.
 */
@Injectable()
export class ScheduleChangeNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: SessionReminders,
  ) {}

  async releasePublished(releaseId: string): Promise<number> {
    const [release] = (await this.dataSource.query(
      `SELECT r.id, e.name AS event_name, e.time_zone, r.published_at, r.changes FROM schedule_release r JOIN event e ON e.id = r.event_id WHERE r.id = $1`,
      [releaseId],
    )) as ReleaseRow[];
    if (!release) return 0;
    const moved = release.changes.moved ?? [];
    const movedIds = new Set(moved.map((s) => s.sessionId));
    // A session both moved and re-roomed gets one message: the move, which carries the room.
    const reroomed = (release.changes.roomChanged ?? []).filter((s) => !movedIds.has(s.sessionId));
    const rooms = await this.roomNames([...moved, ...reroomed]);

    let recorded = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const [kind, sessions] of [['session-moved', moved], ['session-room-changed', reroomed]] as const) {
        for (const session of sessions) {
          const valuesByLanguage = Object.fromEntries(
            LANGUAGES.map((language) => [language, this.values(kind, session, release, rooms, language)]),
          );
          // Seat holders get the session's new time and room for their calendar, as the confirmation gave it;
          // people waiting in line were never sent it.
          const calendarByLanguage = Object.fromEntries(
            LANGUAGES.map((language) => [language, this.calendar(session, release, valuesByLanguage[language])]),
          );
          const rows = (await manager.query(
            `WITH recipient AS (
               SELECT DISTINCT ON (r.user_id) r.user_id, u.email, r.preferred_language, r.name_native, en.status = 'enrolled' AS holds_seat
                 FROM enrolment en JOIN registration r ON r.id = en.registration_id JOIN app_user u ON u.id = r.user_id
                WHERE en.session_id = $1 AND en.status IN ('enrolled', 'waitlisted') AND r.anonymised_at IS NULL
                ORDER BY r.user_id, en.status = 'enrolled' DESC
             ), recorded AS (
               INSERT INTO notification (kind, trigger_key, recipient_user_id, recipient_email, language, status, attempts, payload)
               SELECT $2, $3, user_id, email, preferred_language, 'queued', 0,
                      ($4::jsonb -> preferred_language) || jsonb_build_object('name', name_native)
                        || CASE WHEN holds_seat THEN jsonb_build_object('calendar', $6::jsonb -> preferred_language) ELSE '{}'::jsonb END
                 FROM recipient
               ON CONFLICT (kind, trigger_key, recipient_key) DO NOTHING
               RETURNING id
             )
             -- Each message's delivery job, through core's set-based writer of the outbox (which knows the job's queue).
             SELECT id FROM core_enqueue_each($5, ARRAY(SELECT jsonb_build_object('notificationId', id) FROM recorded)) id`,
            [session.sessionId, kind, `release:${release.id}:session:${session.sessionId}`, valuesByLanguage, JobName.DeliverNotification, calendarByLanguage],
          )) as unknown[];
          recorded += rows.length;
          // A moved session's seat holders are reminded at its new time. Planned with the first recording
          // only: a repeated release job records nothing and plans nothing.
          if (kind === 'session-moved' && rows.length > 0) await this.reminders.planForSession(manager, session.sessionId);
        }
      }
    });
    return recorded;
  }

  private values(kind: MessageKind, session: ChangedSession, release: ReleaseRow, rooms: Map<string, Trilingual>, language: Language) {
    const room = session.roomId ? rooms.get(session.roomId) : undefined;
    return {
      eventName: renderText(release.event_name, language)?.text ?? '',
      sessionTitle: renderText(session.title, language)?.text ?? '',
      startsAt: formatInstant(new Date(session.startsAt), release.time_zone, language),
      room: room ? (renderText(room, language)?.text ?? '') : '',
      ...(kind === 'session-moved' && session.from
        ? { previousStartsAt: formatInstant(new Date(session.from.startsAt), release.time_zone, language) }
        : {}),
    };
  }

  private calendar(session: ChangedSession, release: ReleaseRow, values: { sessionTitle: string; room: string }): CalendarEntry {
    return {
      sessionId: session.sessionId,
      summary: values.sessionTitle,
      location: values.room,
      startsAt: new Date(session.startsAt).toISOString(),
      endsAt: new Date(session.endsAt).toISOString(),
      timeZone: release.time_zone,
      // The release's time, not the job's: no earlier than any confirmation recorded before the release (one in
      // the same minute ties, and calendars then take the later DTSTAMP, which this message has).
      sequence: calendarSequence(release.published_at),
    };
  }

  private async roomNames(sessions: ChangedSession[]): Promise<Map<string, Trilingual>> {
    const ids = [...new Set(sessions.map((s) => s.roomId).filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, name FROM room WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; name: Trilingual }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
