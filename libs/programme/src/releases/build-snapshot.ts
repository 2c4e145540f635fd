import type { EntityManager } from 'typeorm';
import type { ScheduleSnapshot, SnapshotOrganisation, SnapshotPerson, SnapshotSession } from './schedule-snapshot.js';

/** Reads the current (draft) programme into a release snapshot: four queries, whatever the size. */
export async function buildSnapshot(manager: EntityManager, eventId: string): Promise<ScheduleSnapshot> {
  const [event] = (await manager.query(
    `SELECT id, slug, name, city, time_zone AS "timeZone", to_char(first_day, 'YYYY-MM-DD') AS "firstDay",
            to_char(last_day, 'YYYY-MM-DD') AS "lastDay", default_language AS "defaultLanguage"
       FROM event WHERE id = $1`,
    [eventId],
  )) as ScheduleSnapshot['event'][];
  const rooms = (await manager.query(
    `SELECT r.id, r.name, json_build_object('id', v.id, 'name', v.name) AS venue, r.capacity,
            r.interpretation_channels AS "interpretationChannels"
       FROM room r JOIN venue v ON v.id = r.venue_id WHERE r.event_id = $1 ORDER BY v.created_at, r.created_at, r.id`,
    [eventId],
  )) as ScheduleSnapshot['rooms'];
  const tracks = (await manager.query(
    `SELECT id, name, colour, position FROM track WHERE event_id = $1 ORDER BY position, id`,
    [eventId],
  )) as ScheduleSnapshot['tracks'];
  const sessions = await snapshotSessions(manager, eventId, `s.status = 'scheduled'`);
  // Sessions an earlier release published and that are cancelled now: calendars that hold them are told to drop
  // them (STATUS:CANCELLED) rather than keep a ghost. A session cancelled before it was ever published is not news.
  const cancelledSessions = await snapshotSessions(
    manager,
    eventId,
    `s.status = 'cancelled' AND EXISTS (
       SELECT 1 FROM schedule_release r
        WHERE r.event_id = s.event_id
          AND (r.snapshot -> 'sessions' @> jsonb_build_array(jsonb_build_object('id', s.id::text))
               OR r.snapshot -> 'cancelledSessions' @> jsonb_build_array(jsonb_build_object('id', s.id::text))))`,
  );
  return { event, rooms, tracks, sessions, cancelledSessions };
}

/** The sessions of an event that `where` picks (a fixed SQL condition on `s`), as a release keeps them. */
async function snapshotSessions(manager: EntityManager, eventId: string, where: string): Promise<SnapshotSession[]> {
  return (await manager.query(
    `SELECT s.id, s.kind, s.title, s.theme, s.description,
            to_json(s.starts_at) #>> '{}' AS "startsAt", to_json(s.ends_at) #>> '{}' AS "endsAt",
            s.room_id AS "roomId", s.track_id AS "trackId", s.capacity,
            s.languages_spoken AS "languagesSpoken", s.languages_interpreted AS "languagesInterpreted", s.visibility,
            coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'country', o.country) ORDER BY h.position)
                        FROM session_host h JOIN organisation o ON o.id = h.organisation_id WHERE h.session_id = s.id), '[]') AS hosts,
            coalesce((SELECT json_agg(json_build_object(
                        'role', sr.role, 'protocolOrder', sr.protocol_order,
                        'person', json_build_object(
                          'id', p.id, 'nameNative', p.name_native, 'nameLatin', p.name_latin, 'nameCyrillic', p.name_cyrillic,
                          'honorific', p.honorific, 'position', p.position, 'country', p.country,
                          'organisation', CASE WHEN po.id IS NULL THEN NULL
                                          ELSE json_build_object('id', po.id, 'name', po.name, 'country', po.country) END))
                        ORDER BY sr.protocol_order, sr.created_at)
                        FROM session_role sr JOIN person p ON p.id = sr.person_id
                        LEFT JOIN organisation po ON po.id = p.organisation_id
                       WHERE sr.session_id = s.id), '[]') AS roles
       FROM session s
      WHERE s.event_id = $1 AND ${where}
      ORDER BY s.starts_at, s.id`,
    [eventId],
  )) as SnapshotSession[];
}

export type { SnapshotOrganisation, SnapshotPerson };
