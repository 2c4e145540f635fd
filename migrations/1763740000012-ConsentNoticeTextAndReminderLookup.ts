import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The text of an edition's data-processing notice, in zh, en and ru, beside the version delegates consent to
 * (consent_notice_version, migration 1763740000005), so that the public edition route can show what a guest
 * agrees to before registering. A registration records only the version, so a version must keep meaning one
 * text: once an edition has a text, changing it requires a new version (a trigger, since the rule compares the
 * row before and after). Giving a text to an edition that had none keeps its version: nobody had read one.
 *
 * And the look-up of a session's planned reminders (GET …/sessions/{id}/reminders): each is an outbox row naming
 * its enrolment, found by that id as the delivery rows are by their message's (outbox_delivery_idx), so the
 * organisers' view does not scan every reminder ever planned.
 */
export class ConsentNoticeTextAndReminderLookup1763740000012 implements MigrationInterface {
  name = 'ConsentNoticeTextAndReminderLookup1763740000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE event ADD COLUMN consent_notice jsonb
        CONSTRAINT event_consent_notice_object CHECK (consent_notice IS NULL OR jsonb_typeof(consent_notice) = 'object')`);
    await db.query(`
      CREATE OR REPLACE FUNCTION event_consent_notice_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.consent_notice IS NOT NULL AND NEW.consent_notice IS DISTINCT FROM OLD.consent_notice
           AND NEW.consent_notice_version = OLD.consent_notice_version THEN
          RAISE EXCEPTION 'the consent notice of version % changed without a new version', OLD.consent_notice_version
            USING ERRCODE = '23514', CONSTRAINT = 'event_consent_notice_versioned';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER event_consent_notice_versioned BEFORE UPDATE OF consent_notice, consent_notice_version ON event
        FOR EACH ROW EXECUTE FUNCTION event_consent_notice_versioned()`);
    await db.query(`CREATE INDEX outbox_reminder_idx ON outbox ((payload->>'enrolmentId')) WHERE name = 'send-session-reminder'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_reminder_idx`);
    await db.query(`DROP TRIGGER event_consent_notice_versioned ON event`);
    await db.query(`DROP FUNCTION event_consent_notice_versioned`);
    await db.query(`ALTER TABLE event DROP COLUMN consent_notice`);
  }
}
