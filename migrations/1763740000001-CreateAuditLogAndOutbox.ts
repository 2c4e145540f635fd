import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLogAndOutbox1763740000001 implements MigrationInterface {
  name = 'CreateAuditLogAndOutbox1763740000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC)`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
    await db.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The queue's job id. Random, not the identity: a restored database rewinds its sequence,
        -- and Redis would then silently drop new jobs whose ids it still remembers.
        job_key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        queue text NOT NULL,
        name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A job that must wait (a session reminder, weeks ahead) waits here, in the database, and is relayed
        -- when it falls due: a queue that loses its data (a Redis without persistence, a flush) loses no
        -- reminder, and the time is the database's clock, not a worker's.
        deliver_at timestamptz,
        due_at timestamptz GENERATED ALWAYS AS (coalesce(deliver_at, created_at)) STORED,
        sent_at timestamptz
      )`);
    // The relay only ever looks for unsent rows that are due: a partial index keeps that cheap as the table grows
    // and however many reminders wait for later.
    await db.query(`CREATE INDEX outbox_due_idx ON outbox (due_at, id) WHERE sent_at IS NULL`);
    // The delivery recovery sweep finds a message's delivery rows by its id.
    await db.query(`CREATE INDEX outbox_delivery_idx ON outbox ((payload->>'notificationId')) WHERE name = 'deliver-notification'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE audit_log`);
  }
}
