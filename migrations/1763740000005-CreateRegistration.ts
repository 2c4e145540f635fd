import type { MigrationInterface, QueryRunner } from 'typeorm';

const LANGS = `ARRAY['zh', 'en', 'ru']::text[]`;

/**
 * Registration, enrolment with waiting lists, invitations and check-in. The
 * rules are PostgreSQL's: seats are taken by a conditional update of the
 * session's counter, waiting lists are promoted by one function called in the
 * transaction that frees a seat (cancellation, capacity raise), a delegate's
 * claims never overlap in time (exclusion constraint), and a badge is checked
 * in once per list (unique key) with each scan's nonce answered once.
 */
export class CreateRegistration1763740000005 implements MigrationInterface {
  name = 'CreateRegistration1763740000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE event
        ADD COLUMN registration_mode text NOT NULL DEFAULT 'approval' CHECK (registration_mode IN ('open', 'approval', 'invitation')),
        ADD COLUMN consent_notice_version text NOT NULL DEFAULT '1'`);
    await db.query(`ALTER TABLE session ADD COLUMN seats_taken integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0)`);
    await db.query(`ALTER TABLE session ADD CONSTRAINT session_seats_within_capacity CHECK (capacity IS NULL OR seats_taken <= capacity)`);

    await db.query(`
      CREATE TABLE delegation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        country text CHECK (country ~ '^[A-Z]{2}$'),
        head_registration_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delegation_name_key UNIQUE (event_id, name)
      )`);
    await db.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        email text NOT NULL,
        guest jsonb NOT NULL,
        token_hash text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT invitation_token_key UNIQUE (token_hash),
        CONSTRAINT invitation_email_key UNIQUE (event_id, email)
      )`);
    await db.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
        status_reason text CHECK (length(status_reason) <= 1000),
        name_native text CHECK (length(name_native) BETWEEN 1 AND 200),
        name_latin text CHECK (length(name_latin) BETWEEN 1 AND 200),
        country text CHECK (country ~ '^[A-Z]{2}$'),
        organisation_id uuid REFERENCES organisation (id),
        position text CHECK (length(position) <= 300),
        category text NOT NULL CHECK (category IN ('official', 'business', 'international_organisation', 'media', 'guest')),
        delegation_id uuid REFERENCES delegation (id),
        preferred_language text NOT NULL CHECK (preferred_language IN ('zh', 'en', 'ru')),
        phone text CHECK (length(phone) <= 50),
        dietary_needs text CHECK (length(dietary_needs) <= 1000),
        accessibility_needs text CHECK (length(accessibility_needs) <= 1000),
        interpretation_needs text[] NOT NULL DEFAULT '{}' CHECK (interpretation_needs <@ ${LANGS}),
        arrival_date date,
        departure_date date,
        consent_version text NOT NULL,
        consent_at timestamptz NOT NULL,
        listed_consent boolean NOT NULL DEFAULT false,
        -- Visa data, AES-256-GCM with DATA_ENCRYPTION_KEY (libs/registration/src/crypto); never stored in clear.
        visa_nationality bytea,
        visa_passport_number bytea,
        visa_date_of_birth bytea,
        badge_token text NOT NULL,
        badge_revoked_at timestamptz,
        invitation_id uuid REFERENCES invitation (id),
        anonymised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registration_once UNIQUE (event_id, user_id),
        CONSTRAINT registration_badge_token_key UNIQUE (badge_token),
        CONSTRAINT registration_stay_order CHECK (departure_date >= arrival_date),
        CONSTRAINT registration_identity CHECK (anonymised_at IS NOT NULL OR (name_native IS NOT NULL AND name_latin IS NOT NULL AND country IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX registration_event_status_idx ON registration (event_id, status)`);
    await db.query(`ALTER TABLE delegation ADD CONSTRAINT delegation_head_fkey FOREIGN KEY (head_registration_id) REFERENCES registration (id)`);

    await db.query(`
      CREATE TABLE session_invitee (
        session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES registration (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, registration_id)
      )`);
    await db.query(`CREATE SEQUENCE enrolment_arrival_seq`);
    await db.query(`
      CREATE TABLE enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES session (id),
        registration_id uuid NOT NULL REFERENCES registration (id),
        status text NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
        -- Order of arrival: the waiting list is served by it.
        arrival bigint NOT NULL DEFAULT nextval('enrolment_arrival_seq'),
        session_during tstzrange NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A delegate never holds (or queues for) two sessions at the same time.
        -- (Two claims on one session are the unique index's business: enrolment_once.)
        CONSTRAINT enrolment_no_overlap EXCLUDE USING gist (registration_id WITH =, session_during WITH &&, session_id WITH <>)
          WHERE (status <> 'cancelled')
      )`);
    await db.query(`CREATE UNIQUE INDEX enrolment_once ON enrolment (session_id, registration_id) WHERE status <> 'cancelled'`);
    await db.query(`CREATE INDEX enrolment_waitlist_idx ON enrolment (session_id, arrival) WHERE status = 'waitlisted'`);
    await db.query(`CREATE INDEX enrolment_registration_idx ON enrolment (registration_id)`);
    await db.query(`
      CREATE FUNCTION enrolment_copy_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT during INTO NEW.session_during FROM session WHERE id = NEW.session_id FOR SHARE;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER enrolment_copy_session BEFORE INSERT OR UPDATE OF session_id ON enrolment
        FOR EACH ROW EXECUTE FUNCTION enrolment_copy_session()`);
    await db.query(`
      CREATE FUNCTION session_propagate_to_enrolments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE enrolment SET session_during = NEW.during WHERE session_id = NEW.id AND status <> 'cancelled';
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_propagate_to_enrolments AFTER UPDATE OF starts_at, ends_at ON session
        FOR EACH ROW EXECUTE FUNCTION session_propagate_to_enrolments()`);

    // The one place seats are handed to the waiting list: first come, first served, while seats are free.
    // Each promotion writes its outbox row in the same transaction.
    await db.query(`
      CREATE FUNCTION promote_waitlisted(p_session uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE promoted integer := 0; next_id uuid; next_registration uuid;
      BEGIN
        LOOP
          UPDATE session s SET seats_taken = seats_taken + 1
           WHERE s.id = p_session AND s.status = 'scheduled'
             AND s.seats_taken < coalesce(s.capacity, (SELECT r.capacity FROM room r WHERE r.id = s.room_id), 2147483647)
             AND EXISTS (SELECT 1 FROM enrolment e WHERE e.session_id = p_session AND e.status = 'waitlisted');
          EXIT WHEN NOT FOUND;
          SELECT id, registration_id INTO next_id, next_registration FROM enrolment
           WHERE session_id = p_session AND status = 'waitlisted' ORDER BY arrival LIMIT 1 FOR UPDATE;
          UPDATE enrolment SET status = 'enrolled', updated_at = now() WHERE id = next_id;
          INSERT INTO outbox (queue, name, payload) VALUES ('registration', 'enrolment-changed',
            jsonb_build_object('enrolmentId', next_id, 'registrationId', next_registration, 'sessionId', p_session, 'change', 'promoted'));
          promoted := promoted + 1;
        END LOOP;
        RETURN promoted;
      END $$`);
    await db.query(`
      CREATE FUNCTION session_capacity_promotes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM promote_waitlisted(NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_capacity_promotes AFTER UPDATE OF capacity, room_id ON session
        FOR EACH ROW EXECUTE FUNCTION session_capacity_promotes()`);
    await db.query(`
      CREATE FUNCTION room_capacity_promotes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.capacity > OLD.capacity THEN
          PERFORM promote_waitlisted(s.id) FROM session s WHERE s.room_id = NEW.id AND s.capacity IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER room_capacity_promotes AFTER UPDATE OF capacity ON room
        FOR EACH ROW EXECUTE FUNCTION room_capacity_promotes()`);

    // A cancelled session gives every seat and place back, each with its outbox event for the delegate.
    await db.query(`
      CREATE FUNCTION session_cancel_releases_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (queue, name, payload)
        SELECT 'registration', 'enrolment-changed',
               jsonb_build_object('enrolmentId', e.id, 'registrationId', e.registration_id, 'sessionId', e.session_id, 'change', 'cancelled')
          FROM enrolment e WHERE e.session_id = NEW.id AND e.status <> 'cancelled';
        UPDATE enrolment SET status = 'cancelled', updated_at = now() WHERE session_id = NEW.id AND status <> 'cancelled';
        UPDATE session SET seats_taken = 0 WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_cancel_releases_seats AFTER UPDATE OF status ON session
        FOR EACH ROW WHEN (NEW.status = 'cancelled' AND OLD.status <> 'cancelled') EXECUTE FUNCTION session_cancel_releases_seats()`);

    await db.query(`
      CREATE TABLE check_in_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        name jsonb NOT NULL,
        session_id uuid REFERENCES session (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_list_session_key UNIQUE (session_id)
      )`);
    await db.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES check_in_list (id),
        registration_id uuid NOT NULL REFERENCES registration (id),
        scanned_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        scanned_by uuid REFERENCES app_user (id),
        CONSTRAINT check_in_once UNIQUE (list_id, registration_id)
      )`);
    await db.query(`
      CREATE TABLE check_in_scan (
        list_id uuid NOT NULL REFERENCES check_in_list (id),
        nonce text NOT NULL CHECK (length(nonce) BETWEEN 8 AND 100),
        answer jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list_id, nonce)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE check_in_scan, check_in, check_in_list, enrolment, session_invitee`);
    await db.query(`DROP SEQUENCE enrolment_arrival_seq`);
    await db.query(`ALTER TABLE delegation DROP CONSTRAINT delegation_head_fkey`);
    await db.query(`DROP TABLE registration, invitation, delegation`);
    await db.query(`DROP FUNCTION promote_waitlisted, session_capacity_promotes, room_capacity_promotes,
                    enrolment_copy_session, session_propagate_to_enrolments, session_cancel_releases_seats`);
    await db.query(`ALTER TABLE session DROP CONSTRAINT session_seats_within_capacity, DROP COLUMN seats_taken`);
    await db.query(`ALTER TABLE event DROP COLUMN registration_mode, DROP COLUMN consent_notice_version`);
  }
}
