import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { SessionStatus, SessionVisibility } from '../programme-vocabulary.js';

/** A session as a list of outcomes names it: its title and start, whether the public sees it, and its track. */
export interface SessionWithTrackRow {
  id: string;
  title: Trilingual;
  startsAt: Date;
  visibility: SessionVisibility;
  status: SessionStatus;
  track: { id: string; name: Trilingual; colour: string } | null;
}

/** A session with where and when it happens, and the event it belongs to (a run sheet's heading). */
export interface SessionPlaceRow {
  id: string;
  title: Trilingual;
  startsAt: Date;
  endsAt: Date;
  room: Trilingual | null;
  eventName: Trilingual;
  defaultLanguage: Language;
  timeZone: string;
}

/** Programme's sessions, read by the other domains. Plain rows, never entities. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Agenda: which of these sessions are cancelled.
  async cancelledAmong(sessionIds: readonly string[]): Promise<string[]> {
    if (sessionIds.length === 0) return [];
    const rows = (await this.dataSource.query(`SELECT id FROM session WHERE id = ANY($1::uuid[]) AND status = 'cancelled'`, [sessionIds])) as {
      id: string;
    }[];
    return rows.map((row) => row.id);
  }

  // Outcomes: these sessions with their tracks, whatever their visibility and status (the caller decides what it shows).
  async withTracks(sessionIds: readonly string[]): Promise<SessionWithTrackRow[]> {
    if (sessionIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.title, s.starts_at, s.visibility, s.status, t.id AS track_id, t.name AS track_name, t.colour
         FROM session s LEFT JOIN track t ON t.id = s.track_id
        WHERE s.id = ANY($1::uuid[])`,
      [sessionIds],
    )) as {
      id: string;
      title: Trilingual;
      starts_at: Date;
      visibility: SessionVisibility;
      status: SessionStatus;
      track_id: string | null;
      track_name: Trilingual | null;
      colour: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      visibility: row.visibility,
      status: row.status,
      track: row.track_id ? { id: row.track_id, name: row.track_name!, colour: row.colour! } : null,
    }));
  }

  // Outcomes: a session of the event with its room and the event's name, language and zone; undefined if not the event's.
  async withRoomAndEvent(eventId: string, sessionId: string): Promise<SessionPlaceRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT s.id, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", r.name AS room, e.name AS "eventName",
              e.default_language AS "defaultLanguage", e.time_zone AS "timeZone"
         FROM session s JOIN event e ON e.id = s.event_id LEFT JOIN room r ON r.id = s.room_id
        WHERE s.id = $1 AND s.event_id = $2`,
      [sessionId, eventId],
    )) as SessionPlaceRow[];
    return row;
  }
}
