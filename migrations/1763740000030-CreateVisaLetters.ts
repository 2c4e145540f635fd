import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visa invitation letters: the text organisers set per edition (trilingual, with the organiser's details and the
 * signature block), the letter issued to a registration (its public reference, stable for that registration, so
 * a reprint is the same letter to a consulate), and every download of it (organisers see who fetched it and how
 * often). Nothing personal is stored here: the passport data stays encrypted on the registration and is read
 * only to print the letter.
 */
export class CreateVisaLetters1763740000030 implements MigrationInterface {
  name = 'CreateVisaLetters1763740000030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE visa_letter_text (
        event_id uuid PRIMARY KEY REFERENCES event (id),
        body jsonb NOT NULL,
        purpose jsonb NOT NULL,
        organiser_name jsonb NOT NULL,
        organiser_address jsonb NOT NULL,
        organiser_contact text NOT NULL CHECK (length(organiser_contact) BETWEEN 1 AND 500),
        signatory_name jsonb NOT NULL,
        signatory_title jsonb NOT NULL,
        signatory_organisation jsonb NOT NULL,
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE visa_letter (
        registration_id uuid PRIMARY KEY REFERENCES registration (id),
        event_id uuid NOT NULL REFERENCES event (id),
        -- Random, not derived from the registration: knowing one reference tells nothing about another.
        reference text NOT NULL CHECK (reference ~ '^VL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visa_letter_reference_key UNIQUE (reference)
      )`);
    await db.query(`CREATE INDEX visa_letter_event_idx ON visa_letter (event_id, issued_at DESC)`);
    await db.query(`
      CREATE TABLE visa_letter_download (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES visa_letter (registration_id),
        downloaded_by uuid REFERENCES app_user (id),
        language text NOT NULL CHECK (language IN ('en', 'ru')),
        downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX visa_letter_download_registration_idx ON visa_letter_download (registration_id, downloaded_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE visa_letter_download`);
    await db.query(`DROP TABLE visa_letter`);
    await db.query(`DROP TABLE visa_letter_text`);
  }
}
