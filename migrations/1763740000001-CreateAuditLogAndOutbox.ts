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
        -- A job that must wait (a session reminder) is relayed at once with the queue's own delay,
        -- so the outbox keeps its rule: relayed rows are done, and the queue holds the time.
        deliver_at timestamptz,
        sent_at timestamptz
      )`);
    // The relay only ever looks for unsent rows: a partial index keeps that cheap as the table grows.
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE sent_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE audit_log`);
  }
}
