import { JwtService } from '@nestjs/jwt';
import type { TestStack } from './test-stack.js';

export interface MintedAccount {
  userId: string;
  email: string;
  token: string;
}

export interface MintOptions {
  role?: 'delegate' | 'staff' | 'organiser';
  /** An argon2 hash every account shares (hash once, log in as any); by default nobody can log in with a password. */
  passwordHash?: string;
}

/**
 * Many accounts with no registration yet, for load tests of registering and logging in: like mintDelegates,
 * users and sessions are written directly (hashing a password per account would take minutes and test nothing
 * new), and each gets a real access token signed by the api's own key. Needs the in-process api (startApi).
 */
export async function mintAccounts(stack: TestStack, count: number, options: MintOptions = {}): Promise<MintedAccount[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const role = options.role ?? 'delegate';
  const { rows } = await stack.db.pool.query(
    `WITH users AS (
       INSERT INTO app_user (email, display_name, role, password_hash)
       SELECT $3 || '-' || $2 || '-' || g || '@example.org', 'Account ' || g, $3, $4 FROM generate_series(1, $1) g
       RETURNING id, email),
     sessions AS (INSERT INTO auth_session (user_id) SELECT id FROM users RETURNING id, user_id)
     SELECT u.id AS user_id, u.email, s.id AS session_id FROM users u JOIN sessions s ON s.user_id = u.id`,
    [count, tag, role, options.passwordHash ?? '!'],
  );
  const jwt = stack.api!.get(JwtService, { strict: false });
  return Promise.all(
    rows.map(async (row) => ({
      userId: row.user_id as string,
      email: row.email as string,
      token: await jwt.signAsync({ sub: row.user_id, role, sid: row.session_id }),
    })),
  );
}
