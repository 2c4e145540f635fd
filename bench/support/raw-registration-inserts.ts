import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Every column the product writes when a delegate registers, in insert order. */
const COLUMNS = [
  'event_id', 'user_id', 'status', 'status_reason', 'name_native', 'name_latin', 'country', 'organisation_id', 'position',
  'category', 'delegation_id', 'preferred_language', 'phone', 'dietary_needs', 'accessibility_needs', 'interpretation_needs',
  'arrival_date', 'departure_date', 'consent_version', 'consent_at', 'listed_consent', 'visa_nationality',
  'visa_passport_number', 'visa_date_of_birth', 'badge_token', 'invitation_id',
] as const;

export type RegistrationRow = Record<(typeof COLUMNS)[number], unknown>;

/** The rows the product wrote for an event, to be written again by the baseline. */
export async function registrationRows(pool: pg.Pool, eventId: string, limit = 500): Promise<RegistrationRow[]> {
  const { rows } = await pool.query(`SELECT ${COLUMNS.join(', ')} FROM registration WHERE event_id = $1 LIMIT $2`, [eventId, limit]);
  return rows as RegistrationRow[];
}

/**
 * The registration burst's baseline: plain `pg` inserting the same rows (the product's own, copied, with another
 * event and user and a new badge token), one INSERT per registration in its own transaction, `concurrency` at a
 * time over a pool as big as the api's. Returns rows per second over `seconds` (or until the users run out).
 */
export async function rawInsertRegistrations(
  databaseUrl: string,
  options: { templates: RegistrationRow[]; eventId: string; userIds: string[]; concurrency: number; poolSize: number; seconds: number },
): Promise<{ perSecond: number; inserted: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize });
  const sql = `INSERT INTO registration (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
  let next = 0;
  let inserted = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < until && next < options.userIds.length) {
          const i = next++;
          const row = { ...options.templates[i % options.templates.length], event_id: options.eventId, user_id: options.userIds[i], badge_token: randomBytes(24).toString('base64url') };
          await pool.query(sql, COLUMNS.map((column) => row[column]));
          inserted += 1;
        }
      }),
    );
    return { perSecond: inserted / ((performance.now() - started) / 1000), inserted };
  } finally {
    await pool.end();
  }
}
