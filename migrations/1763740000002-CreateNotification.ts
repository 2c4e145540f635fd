import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotification1763740000002 implements MigrationInterface {
  name = 'CreateNotification1763740000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        trigger_key text NOT NULL,
        recipient_user_id uuid REFERENCES app_user (id),
        recipient_email text NOT NULL,
        -- Who, stably: user:<id> for an account, email:<address> for a contact without one.
        -- Part of the idempotency key, so a changed email cannot make a retried job send twice;
        -- derived here so no writer can compute it differently.
        recipient_key text NOT NULL GENERATED ALWAYS AS (
          CASE WHEN recipient_user_id IS NOT NULL THEN 'user:' || recipient_user_id::text ELSE 'email:' || lower(recipient_email) END
        ) STORED,
        language text NOT NULL CHECK (language IN ('zh', 'en', 'ru')),
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        provider_message_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_once_key UNIQUE (kind, trigger_key, recipient_key)
      )`);
    await db.query(`CREATE INDEX notification_recipient_idx ON notification (recipient_user_id)`);
    await db.query(`CREATE INDEX notification_status_idx ON notification (status, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
  }
}
