import { randomUUID } from 'node:crypto';
import type pg from 'pg';

type Pool = pg.Pool;

/**
 * Minimal rows for service-level tests of the repositories (the ones registration calls; service-rows.ts has richer ones), written straight to the test database (the test is
 * the one place that may name every table): an edition, a room, sessions, an account, a registration. Each
 * helper returns the new id; callers set only what their assertion is about.
 */
export async function insertEvent(pool: Pool, over: { slug?: string; timeZone?: string; firstDay?: string; lastDay?: string; status?: string } = {}): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO event (id, slug, name, city, time_zone, first_day, last_day, default_language, status)
     VALUES ($1, $2, '{"en": "Forum", "zh": "论坛", "ru": "Форум"}', '{"en": "Xi''an"}', $3, $4, $5, 'zh', $6)`,
    [id, over.slug ?? `f-${id.slice(0, 8)}`, over.timeZone ?? 'Asia/Shanghai', over.firstDay ?? '2026-09-01', over.lastDay ?? '2026-09-03', over.status ?? 'draft'],
  );
  return id;
}

export async function insertRoom(pool: Pool, eventId: string, capacity: number): Promise<string> {
  const venueId = randomUUID();
  const id = randomUUID();
  await pool.query(`INSERT INTO venue (id, event_id, name) VALUES ($1, $2, '{"en": "Hall"}')`, [venueId, eventId]);
  await pool.query(`INSERT INTO room (id, event_id, venue_id, name, capacity) VALUES ($1, $2, $3, '{"en": "Room A"}', $4)`, [id, eventId, venueId, capacity]);
  return id;
}

export async function insertSession(
  pool: Pool,
  eventId: string,
  over: { startsAt: string; endsAt: string; status?: string; visibility?: string; roomId?: string | null; capacity?: number | null; title?: string },
): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO session (id, event_id, kind, title, starts_at, ends_at, status, visibility, room_id, capacity)
     VALUES ($1, $2, 'forum', $3, $4, $5, $6, $7, $8, $9)`,
    [id, eventId, { en: over.title ?? 'Session' }, over.startsAt, over.endsAt, over.status ?? 'scheduled', over.visibility ?? 'public', over.roomId ?? null, over.capacity ?? null],
  );
  return id;
}

export async function insertUser(pool: Pool, over: { role?: string; email?: string } = {}): Promise<string> {
  const id = randomUUID();
  await pool.query(`INSERT INTO app_user (id, email, display_name, role, password_hash) VALUES ($1, $2, 'Probe', $3, 'x')`, [
    id,
    over.email ?? `${id}@example.test`,
    over.role ?? 'delegate',
  ]);
  return id;
}

export async function insertRegistration(pool: Pool, eventId: string, userId: string, over: { organisationId?: string | null } = {}): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO registration (id, event_id, user_id, status, name_native, name_latin, country, category, preferred_language,
                               consent_version, consent_at, badge_token, organisation_id)
     VALUES ($1, $2, $3, 'approved', '王伟', 'Wang Wei', 'CN', 'official', 'zh', 'v1', now(), $4, $5)`,
    [id, eventId, userId, randomUUID(), over.organisationId ?? null],
  );
  return id;
}
