import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgendas1763740000007 implements MigrationInterface {
  name = 'CreateAgendas1763740000007';

  async up(db: QueryRunner): Promise<void> {
    // A release is immutable, so its agenda in one language and format is built once and kept: the key is
    // the whole identity of the document, and a second build of the same key inserts nothing.
    await db.query(`
      CREATE TABLE agenda_document (
        release_id uuid NOT NULL REFERENCES schedule_release (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('zh', 'en', 'ru')),
        format text NOT NULL CHECK (format IN ('html', 'pdf', 'ics')),
        content bytea NOT NULL,
        sha256 text NOT NULL,
        build_ms integer NOT NULL CHECK (build_ms >= 0),
        built_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (release_id, language, format)
      )`);
    // A delegate's own agenda, cached until what it was built from changes: the fingerprint names the
    // release and the sessions they held seats in, so a stale copy is simply not used.
    await db.query(`
      CREATE TABLE personal_agenda (
        registration_id uuid NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('zh', 'en', 'ru')),
        format text NOT NULL CHECK (format IN ('html', 'pdf', 'ics')),
        fingerprint text NOT NULL,
        content bytea NOT NULL,
        built_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, language, format)
      )`);
    // The secret of a subscribable calendar: only its SHA-256 is kept, so the table cannot be read back into URLs.
    await db.query(`
      CREATE TABLE calendar_feed (
        registration_id uuid PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_read_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feed`);
    await db.query(`DROP TABLE personal_agenda`);
    await db.query(`DROP TABLE agenda_document`);
  }
}
