import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The login throttle's entry check in one round trip. Before a password is checked, LoginThrottle read the
 * address's counter, bumped the account's and, when that went over the limit, gave the bump back: three
 * statements and two commits, each waiting for an event loop busy with other logins' hashes. Here the same three
 * steps, in the same order and with the same SQL, run inside the database in one transaction, so a bump that is
 * given back is never seen by anyone else either.
 *
 * Returns 0 when the attempt may go on (the account's counter now holds it), otherwise the seconds to wait
 * (at least 1) of whichever limit was reached. A refusal is a value, not a raised error: nothing is left to roll
 * back, and an ordinary refusal does not land in the server's error log.
 */
export class LoginHotPath1763740000010 implements MigrationInterface {
  name = 'LoginHotPath1763740000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION login_throttle_enter(p_account_key text, p_address_key text, p_window interval, p_max_failures integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        v_failures integer;
        v_retry_after integer;
      BEGIN
        -- The address counts real failures only; at its limit nobody tries from there, and no account is bumped.
        SELECT ceil(extract(epoch FROM t.window_started_at + p_window - now()))::int INTO v_retry_after
          FROM login_throttle t
         WHERE t.key = p_address_key AND t.window_started_at >= now() - p_window AND t.failures >= p_max_failures;
        IF FOUND THEN RETURN greatest(v_retry_after, 1); END IF;

        -- The account is bumped before the password is checked, so parallel guesses cannot slip past the limit.
        INSERT INTO login_throttle AS t (key, window_started_at, failures) VALUES (p_account_key, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.window_started_at < now() - p_window THEN 1 ELSE t.failures + 1 END,
          window_started_at = CASE WHEN t.window_started_at < now() - p_window THEN now() ELSE t.window_started_at END
        RETURNING t.failures, ceil(extract(epoch FROM t.window_started_at + p_window - now()))::int
          INTO v_failures, v_retry_after;
        IF v_failures > p_max_failures THEN
          -- A refused attempt is not a failure: its bump is given back.
          UPDATE login_throttle SET failures = greatest(failures - 1, 0)
           WHERE key = p_account_key AND window_started_at >= now() - p_window;
          RETURN greatest(v_retry_after, 1);
        END IF;
        RETURN 0;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION login_throttle_enter(text, text, interval, integer)`);
  }
}
