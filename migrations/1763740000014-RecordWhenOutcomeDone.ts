import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an unveiling (or any outcome other than an agreement) took place, as signed_at already says when an
 * agreement was signed: the public list shows the time of that state change. The database holds it as it
 * holds signed_at: an outcome is done exactly when it has a done_at.
 *
 * Outcomes marked done before this column existed take the time their `outcome.done` audit entry was written;
 * without one (seeded outcomes), the time they were said to occur, else their last change.
 */
export class RecordWhenOutcomeDone1763740000014 implements MigrationInterface {
  name = 'RecordWhenOutcomeDone1763740000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outcome ADD COLUMN done_at timestamptz`);
    await db.query(`
      UPDATE outcome o
         SET done_at = coalesce(
               (SELECT min(a.at) FROM audit_log a WHERE a.entity = 'outcome' AND a.entity_id = o.id::text AND a.action = 'outcome.done'),
               o.occurred_at,
               o.updated_at)
       WHERE o.status = 'done'`);
    await db.query(`ALTER TABLE outcome ADD CONSTRAINT outcome_done_when CHECK ((status = 'done') = (done_at IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outcome DROP CONSTRAINT outcome_done_when`);
    await db.query(`ALTER TABLE outcome DROP COLUMN done_at`);
  }
}
