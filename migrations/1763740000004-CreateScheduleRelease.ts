import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Published, numbered, immutable releases of an event's schedule. */
export class CreateScheduleRelease1763740000004 implements MigrationInterface {
  name = 'CreateScheduleRelease1763740000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE schedule_release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        number integer NOT NULL CHECK (number > 0),
        name jsonb NOT NULL,
        notes jsonb,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user (id),
        translations_overridden boolean NOT NULL DEFAULT false,
        snapshot jsonb NOT NULL,
        changes jsonb NOT NULL,
        CONSTRAINT schedule_release_number_key UNIQUE (event_id, number)
      )`);
    await db.query(`
      CREATE FUNCTION schedule_release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published release cannot be changed or deleted'
          USING ERRCODE = '23514', CONSTRAINT = 'schedule_release_immutable';
      END $$`);
    await db.query(`
      CREATE TRIGGER schedule_release_immutable BEFORE UPDATE OR DELETE ON schedule_release
        FOR EACH ROW EXECUTE FUNCTION schedule_release_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE schedule_release`);
    await db.query(`DROP FUNCTION schedule_release_immutable`);
  }
}
