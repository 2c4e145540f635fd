import { JwtService } from '@nestjs/jwt';
import type { TestStack } from './test-stack.js';

export interface MintedDelegate {
  userId: string;
  registrationId: string;
  token: string;
}

/**
 * Many approved delegates at once, for load and concurrency tests: users,
 * sessions and registrations are written directly (signing up 500 people through
 * argon2 would take a minute and test nothing new), and each gets a real access
 * token signed by the api's own key, used over real HTTP.
 */
export async function mintDelegates(stack: TestStack, eventId: string, count: number): Promise<MintedDelegate[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const { rows } = await stack.db.pool.query(
    `WITH users AS (
       INSERT INTO app_user (email, display_name, role, password_hash)
       SELECT 'minted-' || $2 || '-' || g || '@example.org', 'Delegate ' || g, 'delegate', '!' FROM generate_series(1, $1) g
       RETURNING id),
     sessions AS (INSERT INTO auth_session (user_id) SELECT id FROM users RETURNING id, user_id),
     registrations AS (
       INSERT INTO registration (event_id, user_id, status, name_native, name_latin, country, category, preferred_language,
                                 consent_version, consent_at, badge_token)
       SELECT $3, u.id, 'approved', 'Делегат', 'Delegate', 'KZ', 'business', 'ru', '1', now(), md5(random()::text || clock_timestamp()::text || u.id::text)
         FROM users u RETURNING id, user_id)
     SELECT s.user_id, s.id AS session_id, r.id AS registration_id FROM sessions s JOIN registrations r ON r.user_id = s.user_id`,
    [count, tag, eventId],
  );
  const jwt = stack.api!.get(JwtService, { strict: false });
  return Promise.all(
    rows.map(async (row) => ({
      userId: row.user_id as string,
      registrationId: row.registration_id as string,
      token: await jwt.signAsync({ sub: row.user_id, role: 'delegate', sid: row.session_id }),
    })),
  );
}
