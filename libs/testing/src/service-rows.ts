import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Rows written straight into a service-level test's database, for the repositories' tests: the fewest columns each
 * table's rules allow, so that a test says only what it is about. (Test code may name every table; the domains may not.)
 */
const tri = (text: string) => ({ zh: `${text}（中）`, en: text, ru: `${text} (ру)` });

/** An event of three days (18–20 July 2025, Asia/Shanghai); `status` defaults to draft. */
export async function insertEvent(pool: pg.Pool, fields: { slug?: string; status?: string; name?: string } = {}): Promise<{ id: string; slug: string }> {
  const slug = fields.slug ?? `svc-${randomBytes(4).toString('hex')}`;
  const { rows } = await pool.query(
    `INSERT INTO event (slug, name, city, time_zone, first_day, last_day, default_language, status)
     VALUES ($1, $2, $3, 'Asia/Shanghai', '2025-07-18', '2025-07-20', 'en', $4) RETURNING id`,
    [slug, tri(fields.name ?? 'Forum'), tri('Qingdao'), fields.status ?? 'draft'],
  );
  return { id: rows[0].id, slug };
}

export async function insertRoom(pool: pg.Pool, eventId: string, name = 'Hall A'): Promise<string> {
  const venue = await pool.query(`INSERT INTO venue (event_id, name) VALUES ($1, $2) RETURNING id`, [eventId, tri('Expo centre')]);
  const room = await pool.query(`INSERT INTO room (event_id, venue_id, name, capacity) VALUES ($1, $2, $3, 100) RETURNING id`, [eventId, venue.rows[0].id, tri(name)]);
  return room.rows[0].id;
}

export async function insertTrack(pool: pg.Pool, eventId: string, name = 'Trade'): Promise<string> {
  const { rows } = await pool.query(`INSERT INTO track (event_id, name, colour) VALUES ($1, $2, '#336699') RETURNING id`, [eventId, tri(name)]);
  return rows[0].id;
}

/** A session starting at `startsAt` (within the event's days), an hour long, scheduled and public unless told. */
export async function insertSession(
  pool: pg.Pool,
  eventId: string,
  fields: { title?: string; startsAt?: string; status?: string; visibility?: string; roomId?: string; trackId?: string } = {},
): Promise<string> {
  const startsAt = new Date(fields.startsAt ?? '2025-07-18T02:00:00Z');
  const { rows } = await pool.query(
    `INSERT INTO session (event_id, kind, title, starts_at, ends_at, status, visibility, room_id, track_id)
     VALUES ($1, 'forum', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [eventId, tri(fields.title ?? 'Session'), startsAt, new Date(startsAt.getTime() + 3_600_000), fields.status ?? 'scheduled', fields.visibility ?? 'public', fields.roomId ?? null, fields.trackId ?? null],
  );
  return rows[0].id;
}

/** A release numbered `number`, whose snapshot is whatever the test gives (the repositories pass it through). */
export async function insertRelease(pool: pg.Pool, eventId: string, number: number, snapshot: object = { sessions: [] }): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO schedule_release (event_id, number, name, snapshot, changes) VALUES ($1, $2, $3, $4, '{}') RETURNING id`,
    [eventId, number, tri(`Release ${number}`), snapshot],
  );
  return rows[0].id;
}

export async function insertOrganisation(pool: pg.Pool, name: string, country = 'CN'): Promise<string> {
  const { rows } = await pool.query(`INSERT INTO organisation (name, country, type) VALUES ($1, $2, 'enterprise') RETURNING id`, [tri(name), country]);
  return rows[0].id;
}

export async function insertPerson(pool: pg.Pool, fields: { nameNative: string; nameLatin: string; nameCyrillic?: string; position?: string }): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO person (name_native, name_latin, name_cyrillic, position) VALUES ($1, $2, $3, $4) RETURNING id`,
    [fields.nameNative, fields.nameLatin, fields.nameCyrillic ?? null, fields.position ? tri(fields.position) : null],
  );
  return rows[0].id;
}

/** A delegate's account (the password hash is a placeholder: nobody logs in here). */
export async function insertUser(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Delegate', 'delegate', 'x') RETURNING id`,
    [`svc-${randomUUID()}@example.org`],
  );
  return rows[0].id;
}

/** An approved registration of `userId` (a fresh account unless given), in Russian. */
export async function insertRegistration(
  pool: pg.Pool,
  eventId: string,
  fields: { userId?: string; status?: string; nameNative?: string } = {},
): Promise<{ id: string; userId: string }> {
  const userId = fields.userId ?? (await insertUser(pool));
  const { rows } = await pool.query(
    `INSERT INTO registration (event_id, user_id, status, name_native, name_latin, country, category, preferred_language, consent_version, consent_at, badge_token)
     VALUES ($1, $2, $3, $4, 'Ivan Petrov', 'RU', 'official', 'ru', '1', now(), $5) RETURNING id`,
    [eventId, userId, fields.status ?? 'approved', fields.nameNative ?? 'Иван Петров', randomBytes(16).toString('hex')],
  );
  return { id: rows[0].id, userId };
}

/** Anonymises a registration as an erasure leaves it (no name; the row stays). */
export async function anonymiseRegistration(pool: pg.Pool, registrationId: string): Promise<void> {
  await pool.query(`UPDATE registration SET anonymised_at = now(), name_native = NULL, name_latin = NULL, country = NULL WHERE id = $1`, [registrationId]);
}

export async function insertEnrolment(pool: pg.Pool, registrationId: string, sessionId: string, status = 'enrolled'): Promise<string> {
  const { rows } = await pool.query(`INSERT INTO enrolment (session_id, registration_id, status) VALUES ($1, $2, $3) RETURNING id`, [sessionId, registrationId, status]);
  return rows[0].id;
}
