import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityTables1763740000000 implements MigrationInterface {
  name = 'CreateIdentityTables1763740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        preferred_language text NOT NULL DEFAULT 'en',
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_key UNIQUE (email),
        CONSTRAINT app_user_email_lower CHECK (email = lower(email)),
        CONSTRAINT app_user_role_check CHECK (role IN ('admin', 'organiser', 'staff', 'delegate')),
        CONSTRAINT app_user_language_check CHECK (preferred_language IN ('zh', 'en', 'ru')),
        CONSTRAINT app_user_display_name_check CHECK (length(display_name) BETWEEN 1 AND 200)
      )`);
    await db.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await db.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session (id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);
    await db.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures integer NOT NULL CHECK (failures >= 0)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttle`);
    await db.query(`DROP TABLE refresh_token`);
    await db.query(`DROP TABLE auth_session`);
    await db.query(`DROP TABLE app_user`);
  }
}
