import { JwtService } from '@nestjs/jwt';
import type { TestStack } from './test-stack.js';

/**
 * New login sessions for a user, and an access token for each signed by the api's own key, without the
 * password and argon2 (and without the login throttle). Tests that call logout, or erase a delegate's
 * account, use a fresh session per call so that one call cannot end the session of the next.
 */
export async function freshSessionTokens(stack: TestStack, userId: string, count: number): Promise<string[]> {
  const { rows } = await stack.db.pool.query(
    `INSERT INTO auth_session (user_id) SELECT u.id FROM app_user u, generate_series(1, $2) WHERE u.id = $1
     RETURNING id, (SELECT role FROM app_user WHERE id = $1) AS role`,
    [userId, count],
  );
  if (rows.length !== count) throw new Error(`no user ${userId}`);
  const jwt = stack.api!.get(JwtService, { strict: false });
  return Promise.all(rows.map((row) => jwt.signAsync({ sub: userId, role: row.role, sid: row.id })));
}

export async function freshSessionToken(stack: TestStack, userId: string): Promise<string> {
  return (await freshSessionTokens(stack, userId, 1))[0];
}

/** The id of the user an access token belongs to (its `sub`), read without checking the signature. */
export function userIdOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub as string;
}
