import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { SessionKind, SessionStatus, SessionVisibility } from '../programme-vocabulary.js';

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

/** A session's title and times, as a delegate's claim on it shows them. */
export interface SessionTimes {
  id: string;
  title: Trilingual;
  starts_at: Date;
  ends_at: Date;
}

/** A session a delegate may claim a seat in, with its room, its day in the edition's zone and its seats. */
export interface ClaimableSession {
  id: string;
  kind: SessionKind;
  title: Trilingual;
  starts_at: Date;
  ends_at: Date;
  status: Exclude<SessionStatus, 'draft'>;
  seats_taken: number;
  room: Trilingual | null;
  day: string;
  capacity: number | null;
}

/**
 * The session table (and its invitation lists) as other domains may read and write them. Seats are counted on
 * the session row, and every seat change locks it first: registration's enrolments call lockForSeatChange
 * before they touch their own rows, in the order of the ids, so two changes never wait on each other.
 */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the session exists in this edition. */
  async existsInEvent(manager: EntityManager, sessionId: string, eventId: string): Promise<boolean> {
    const [row] = (await manager.query(`SELECT 1 FROM session WHERE id = $1 AND event_id = $2`, [sessionId, eventId])) as unknown[];
    return row !== undefined;
  }

  /** Titles and times of these sessions, by id, in one query. */
  async timesOf(sessionIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, SessionTimes>> {
    const ids = [...new Set(sessionIds)];
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, title, starts_at, ends_at FROM session WHERE id = ANY($1::uuid[])`, [ids])) as SessionTimes[];
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Locks these sessions' rows for a seat change, in the order of their ids, in the caller's transaction. */
  async lockForSeatChange(manager: EntityManager, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await manager.query(`SELECT 1 FROM session WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(sessionIds)]]);
  }

  /** A seat given back: one fewer taken (the caller then promotes the first in the queue). */
  async freeSeat(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionId]);
  }

  /** Puts a registration on an invitation-only session's list (again: no change). */
  async addInvitee(manager: EntityManager, sessionId: string, registrationId: string): Promise<void> {
    await manager.query(`INSERT INTO session_invitee (session_id, registration_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [sessionId, registrationId]);
  }

  /**
   * A page of the sessions of an edition this registration may claim a seat in (what claim_seat accepts: not
   * drafts; invitation-only ones only when invited; cancelled ones shown as such), by start, with the total.
   */
  async claimableBy(eventId: string, registrationId: string, offset: number, limit: number): Promise<{ rows: ClaimableSession[]; total: number }> {
    const visible = `s.event_id = $1 AND s.status <> 'draft'
      AND (s.visibility = 'public' OR EXISTS (SELECT 1 FROM session_invitee i WHERE i.session_id = s.id AND i.registration_id = $2))`;
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.kind, s.title, s.starts_at, s.ends_at, s.status, s.seats_taken, rm.name AS room,
              to_char(s.starts_at AT TIME ZONE ev.time_zone, 'YYYY-MM-DD') AS day,
              coalesce(s.capacity, rm.capacity) AS capacity
         FROM session s JOIN event ev ON ev.id = s.event_id LEFT JOIN room rm ON rm.id = s.room_id
        WHERE ${visible}
        ORDER BY s.starts_at, s.id OFFSET $3 LIMIT $4`,
      [eventId, registrationId, offset, limit],
    )) as ClaimableSession[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM session s WHERE ${visible}`, [eventId, registrationId])) as {
      total: number;
    }[];
    return { rows, total };
  }

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
