import type { MigrationInterface, QueryRunner } from 'typeorm';

const LANGS = `ARRAY['zh', 'en', 'ru']::text[]`;

/**
 * The programme: events, venues, rooms, tracks, organisations, people, sessions,
 * their roles and hosts. The scheduling rules live here, so they hold under any
 * concurrency: exclusion constraints for rooms and people, and triggers (taking a
 * share lock on the row they compare against) for the event's days and room
 * capacities.
 */
export class CreateProgramme1763740000003 implements MigrationInterface {
  name = 'CreateProgramme1763740000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name jsonb NOT NULL,
        city jsonb NOT NULL,
        time_zone text NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        default_language text NOT NULL CHECK (default_language IN ('zh', 'en', 'ru')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_slug_key UNIQUE (slug),
        CONSTRAINT event_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        CONSTRAINT event_days_order CHECK (last_day >= first_day)
      )`);
    await db.query(`
      CREATE TABLE venue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        name jsonb NOT NULL,
        address jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT venue_event_key UNIQUE (id, event_id)
      )`);
    await db.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        venue_id uuid NOT NULL,
        name jsonb NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        interpretation_channels text[] NOT NULL DEFAULT '{}' CHECK (interpretation_channels <@ ${LANGS}),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT room_event_key UNIQUE (id, event_id),
        -- A room belongs to a venue of the same event.
        CONSTRAINT room_venue_fkey FOREIGN KEY (venue_id, event_id) REFERENCES venue (id, event_id)
      )`);
    await db.query(`
      CREATE TABLE track (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        name jsonb NOT NULL,
        colour text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT track_event_key UNIQUE (id, event_id)
      )`);
    await db.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL,
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        type text NOT NULL CHECK (type IN ('government_body', 'business_association', 'enterprise', 'international_organisation',
                                           'industrial_park', 'research_institute', 'university', 'media')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_native text NOT NULL CHECK (length(name_native) BETWEEN 1 AND 200),
        name_latin text NOT NULL CHECK (length(name_latin) BETWEEN 1 AND 200),
        name_cyrillic text CHECK (length(name_cyrillic) <= 200),
        honorific jsonb,
        position jsonb,
        organisation_id uuid REFERENCES organisation (id),
        country text CHECK (country ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX person_organisation_idx ON person (organisation_id)`);
    await db.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        kind text NOT NULL CHECK (kind IN ('ceremony', 'plenary', 'forum', 'dialogue_salon', 'signing_ceremony',
                                           'unveiling_ceremony', 'meeting', 'side_event', 'break')),
        title jsonb NOT NULL,
        theme jsonb,
        description jsonb,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, greatest(starts_at, ends_at), '[)')) STORED,
        room_id uuid,
        track_id uuid,
        capacity integer CHECK (capacity > 0),
        capacity_override_reason text CHECK (capacity_override_reason IS NULL OR length(btrim(capacity_override_reason)) > 0),
        languages_spoken text[] NOT NULL DEFAULT '{}' CHECK (languages_spoken <@ ${LANGS}),
        languages_interpreted text[] NOT NULL DEFAULT '{}' CHECK (languages_interpreted <@ ${LANGS}),
        visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'invitation')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT session_room_fkey FOREIGN KEY (room_id, event_id) REFERENCES room (id, event_id),
        CONSTRAINT session_track_fkey FOREIGN KEY (track_id, event_id) REFERENCES track (id, event_id),
        -- Two scheduled sessions never share a room at the same time; drafts and cancelled ones do not count.
        CONSTRAINT session_room_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
          WHERE (status = 'scheduled' AND room_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX session_event_start_idx ON session (event_id, starts_at)`);
    await db.query(`
      CREATE TABLE session_host (
        session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        position integer NOT NULL DEFAULT 1,
        PRIMARY KEY (session_id, organisation_id)
      )`);
    await db.query(`
      CREATE TABLE session_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('speaker', 'moderator', 'host', 'presenter', 'signatory', 'guest_of_honour', 'interpreter')),
        protocol_order integer NOT NULL DEFAULT 1 CHECK (protocol_order > 0),
        -- Copies of the session's time and status, kept by the triggers below, so that the
        -- person rule can be an exclusion constraint on this one table.
        session_during tstzrange NOT NULL,
        session_scheduled boolean NOT NULL,
        needs_presence boolean GENERATED ALWAYS AS (role <> 'interpreter') STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_role_once UNIQUE (session_id, person_id, role),
        CONSTRAINT session_role_person_no_overlap EXCLUDE USING gist (person_id WITH =, session_during WITH &&, session_id WITH <>)
          WHERE (needs_presence AND session_scheduled)
      )`);
    await db.query(`CREATE INDEX session_role_person_idx ON session_role (person_id)`);

    // A role (new or changed in any way) copies its session's time and status: the copies can never be
    // written directly. The share lock makes a concurrent move of the session wait, or be waited for.
    await db.query(`
      CREATE FUNCTION session_role_copy_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT during, status = 'scheduled' INTO NEW.session_during, NEW.session_scheduled
          FROM session WHERE id = NEW.session_id FOR SHARE;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_role_copy_session BEFORE INSERT OR UPDATE ON session_role
        FOR EACH ROW EXECUTE FUNCTION session_role_copy_session()`);
    await db.query(`
      CREATE FUNCTION session_propagate_to_roles() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE session_role SET session_during = NEW.during, session_scheduled = (NEW.status = 'scheduled')
         WHERE session_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_propagate_to_roles AFTER UPDATE OF starts_at, ends_at, status ON session
        FOR EACH ROW EXECUTE FUNCTION session_propagate_to_roles()`);

    // A session lies within the event's days, counted in the event's time zone.
    await db.query(`
      CREATE FUNCTION session_within_event_days() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE e record;
      BEGIN
        SELECT first_day, last_day, time_zone INTO e FROM event WHERE id = NEW.event_id FOR SHARE;
        IF NEW.starts_at < (e.first_day::timestamp AT TIME ZONE e.time_zone)
           OR NEW.ends_at > ((e.last_day + 1)::timestamp AT TIME ZONE e.time_zone) THEN
          RAISE EXCEPTION 'session lies outside the event''s days'
            USING ERRCODE = '23514', CONSTRAINT = 'session_within_event_days';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_within_event_days BEFORE INSERT OR UPDATE OF starts_at, ends_at, event_id ON session
        FOR EACH ROW EXECUTE FUNCTION session_within_event_days()`);
    await db.query(`
      CREATE FUNCTION event_days_keep_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM session s WHERE s.event_id = NEW.id
                     AND (s.starts_at < (NEW.first_day::timestamp AT TIME ZONE NEW.time_zone)
                          OR s.ends_at > ((NEW.last_day + 1)::timestamp AT TIME ZONE NEW.time_zone))) THEN
          RAISE EXCEPTION 'sessions would lie outside the event''s days'
            USING ERRCODE = '23514', CONSTRAINT = 'session_within_event_days';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER event_days_keep_sessions AFTER UPDATE OF first_day, last_day, time_zone ON event
        FOR EACH ROW EXECUTE FUNCTION event_days_keep_sessions()`);

    // A session's capacity fits its room unless an organiser gave a reason to override it. Checked again when
    // the status changes, since a room may have shrunk while the session was cancelled.
    await db.query(`
      CREATE FUNCTION session_capacity_fits_room() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE seats integer;
      BEGIN
        IF NEW.room_id IS NOT NULL AND NEW.capacity IS NOT NULL AND NEW.capacity_override_reason IS NULL THEN
          SELECT capacity INTO seats FROM room WHERE id = NEW.room_id FOR SHARE;
          IF NEW.capacity > seats THEN
            RAISE EXCEPTION 'session capacity % exceeds the room''s % seats', NEW.capacity, seats
              USING ERRCODE = '23514', CONSTRAINT = 'session_capacity_fits_room';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_capacity_fits_room BEFORE INSERT OR UPDATE OF capacity, room_id, capacity_override_reason, status ON session
        FOR EACH ROW EXECUTE FUNCTION session_capacity_fits_room()`);
    await db.query(`
      CREATE FUNCTION room_capacity_keeps_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM session s WHERE s.room_id = NEW.id AND s.status <> 'cancelled'
                     AND s.capacity > NEW.capacity AND s.capacity_override_reason IS NULL) THEN
          RAISE EXCEPTION 'sessions in this room need more seats'
            USING ERRCODE = '23514', CONSTRAINT = 'session_capacity_fits_room';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER room_capacity_keeps_sessions AFTER UPDATE OF capacity ON room
        FOR EACH ROW EXECUTE FUNCTION room_capacity_keeps_sessions()`);

    // Interpretation is promised only in languages the room's booths deliver, and a room cannot drop a
    // channel that a session in it still promises.
    await db.query(`
      CREATE FUNCTION session_interpretation_in_room() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE channels text[];
      BEGIN
        IF NEW.room_id IS NOT NULL AND cardinality(NEW.languages_interpreted) > 0 AND NEW.status <> 'cancelled' THEN
          SELECT interpretation_channels INTO channels FROM room WHERE id = NEW.room_id FOR SHARE;
          IF NOT NEW.languages_interpreted <@ channels THEN
            RAISE EXCEPTION 'the room offers no interpretation into some of %', NEW.languages_interpreted
              USING ERRCODE = '23514', CONSTRAINT = 'session_interpretation_in_room';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER session_interpretation_in_room BEFORE INSERT OR UPDATE OF languages_interpreted, room_id, status ON session
        FOR EACH ROW EXECUTE FUNCTION session_interpretation_in_room()`);
    await db.query(`
      CREATE FUNCTION room_channels_keep_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM session s WHERE s.room_id = NEW.id AND s.status <> 'cancelled'
                     AND NOT s.languages_interpreted <@ NEW.interpretation_channels) THEN
          RAISE EXCEPTION 'sessions in this room promise interpretation the room would no longer offer'
            USING ERRCODE = '23514', CONSTRAINT = 'session_interpretation_in_room';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER room_channels_keep_sessions AFTER UPDATE OF interpretation_channels ON room
        FOR EACH ROW EXECUTE FUNCTION room_channels_keep_sessions()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE session_role, session_host, session, person, organisation, track, room, venue, event`);
    await db.query(`DROP FUNCTION session_role_copy_session, session_propagate_to_roles, session_within_event_days,
                    event_days_keep_sessions, session_capacity_fits_room, room_capacity_keeps_sessions,
                    session_interpretation_in_room, room_channels_keep_sessions`);
  }
}
