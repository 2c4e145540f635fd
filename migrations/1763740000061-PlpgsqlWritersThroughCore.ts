import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PL/pgSQL writers of audit and outbox rows go through core's writers (migration 1763740000060): claim_seat,
 * promote_waitlisted and the cancelled session's release of seats call core_write_audit and core_enqueue(_each) instead
 * of inserting into audit_log and outbox themselves, so their rows are checked against the job contracts (and
 * take their queue from them) like every other writer's. Same rows, columns and order as before; the functions'
 * logic is otherwise unchanged. down() puts back the previous text (migrations 1763740000005 and 1763740000009).
 */

const CLAIM_SEAT = `
      CREATE OR REPLACE FUNCTION claim_seat(
        p_registration text, p_user uuid, p_session text, p_actor_role text, p_request_id text,
        OUT refusal text, OUT registration_status text,
        OUT id uuid, OUT registration_id uuid, OUT session_id uuid, OUT title jsonb, OUT starts_at timestamptz,
        OUT ends_at timestamptz, OUT status text, OUT created_at timestamptz, OUT waitlist_position bigint
      ) LANGUAGE plpgsql AS $$
      DECLARE
        v_registration uuid := p_registration::uuid;
        v_session uuid := p_session::uuid;
        v_event uuid;
        v_session_found boolean;
        v_session_status text;
        v_visibility text;
        v_room uuid;
        v_status text;
        v_id uuid;
        v_arrival bigint;
      BEGIN
        -- One delegate's claims queue on their registration row (see EnrolmentsService.enrol).
        SELECT r.event_id, r.status INTO v_event, registration_status FROM registration r
         WHERE r.id = v_registration AND r.user_id = p_user AND r.anonymised_at IS NULL FOR NO KEY UPDATE;
        IF NOT FOUND THEN refusal := 'REGISTRATION_NOT_FOUND'; RETURN; END IF;
        IF registration_status <> 'approved' THEN refusal := 'REGISTRATION_NOT_APPROVED'; RETURN; END IF;

        -- The session row is locked for the decision, the room's row shared so its capacity cannot change meanwhile.
        SELECT s.status, s.visibility, s.room_id, s.title, s.starts_at, s.ends_at
          INTO v_session_status, v_visibility, v_room, title, starts_at, ends_at
          FROM session s WHERE s.id = v_session AND s.event_id = v_event FOR UPDATE;
        v_session_found := FOUND;
        IF v_room IS NOT NULL THEN PERFORM 1 FROM room r WHERE r.id = v_room FOR SHARE; END IF;
        IF NOT v_session_found OR v_session_status = 'draft' THEN
          refusal := 'SESSION_NOT_FOUND'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;
        IF v_session_status <> 'scheduled' THEN
          refusal := 'SESSION_CANCELLED'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;
        IF v_visibility = 'invitation'
           AND NOT EXISTS (SELECT 1 FROM session_invitee i WHERE i.session_id = v_session AND i.registration_id = v_registration) THEN
          refusal := 'NOT_INVITED'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;

        -- Those already waiting come first: a seat freed by a change elsewhere goes to them, not to a newcomer.
        PERFORM promote_waitlisted(v_session);
        -- The conditional seat: no capacity on the session nor a room means no limit (as in promote_waitlisted).
        UPDATE session s SET seats_taken = s.seats_taken + 1
         WHERE s.id = v_session
           AND s.seats_taken < coalesce(s.capacity, (SELECT r.capacity FROM room r WHERE r.id = s.room_id), 2147483647);
        v_status := CASE WHEN FOUND THEN 'enrolled' ELSE 'waitlisted' END;

        INSERT INTO enrolment AS e (session_id, registration_id, status) VALUES (v_session, v_registration, v_status)
        RETURNING e.id, e.arrival, e.created_at INTO v_id, v_arrival, created_at;
        -- What AuditService.record writes: the actor is the delegate, the snapshot {sessionId, status}, no "before".
        PERFORM core_write_audit(p_user, p_actor_role, 'enrolment.' || v_status, 'enrolment', v_id::text, NULL,
                jsonb_build_object('sessionId', p_session, 'status', v_status), p_request_id);
        -- What OutboxService.add writes for JobName.EnrolmentChanged (core_enqueue knows its queue).
        PERFORM core_enqueue('enrolment-changed',
                jsonb_build_object('enrolmentId', v_id, 'registrationId', p_registration, 'sessionId', p_session, 'change', v_status));

        -- The answer's columns (ENROLMENT_SELECT's), so the api needs no read-back.
        id := v_id; registration_id := v_registration; session_id := v_session; status := v_status;
        IF v_status = 'waitlisted' THEN
          SELECT count(*) INTO waitlist_position FROM enrolment w
           WHERE w.session_id = v_session AND w.status = 'waitlisted' AND w.arrival <= v_arrival;
        END IF;
      END $$`;

const PROMOTE_WAITLISTED = `
      CREATE OR REPLACE FUNCTION promote_waitlisted(p_session uuid) RETURNS integer LANGUAGE plpgsql AS $$
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
          PERFORM core_enqueue('enrolment-changed',
            jsonb_build_object('enrolmentId', next_id, 'registrationId', next_registration, 'sessionId', p_session, 'change', 'promoted'));
          promoted := promoted + 1;
        END LOOP;
        RETURN promoted;
      END $$`;

const SESSION_CANCEL_RELEASES_SEATS = `
      CREATE OR REPLACE FUNCTION session_cancel_releases_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- One row per seat or place given back, in one set-based call.
        PERFORM core_enqueue_each('enrolment-changed', ARRAY(
          SELECT jsonb_build_object('enrolmentId', e.id, 'registrationId', e.registration_id, 'sessionId', e.session_id, 'change', 'cancelled')
            FROM enrolment e WHERE e.session_id = NEW.id AND e.status <> 'cancelled'));
        UPDATE enrolment SET status = 'cancelled', updated_at = now() WHERE session_id = NEW.id AND status <> 'cancelled';
        UPDATE session SET seats_taken = 0 WHERE id = NEW.id;
        RETURN NULL;
      END $$`;

// The previous text, as migrations 1763740000005 and 1763740000009 created it.
const CLAIM_SEAT_BEFORE = `
      CREATE OR REPLACE FUNCTION claim_seat(
        p_registration text, p_user uuid, p_session text, p_actor_role text, p_request_id text,
        OUT refusal text, OUT registration_status text,
        OUT id uuid, OUT registration_id uuid, OUT session_id uuid, OUT title jsonb, OUT starts_at timestamptz,
        OUT ends_at timestamptz, OUT status text, OUT created_at timestamptz, OUT waitlist_position bigint
      ) LANGUAGE plpgsql AS $$
      DECLARE
        v_registration uuid := p_registration::uuid;
        v_session uuid := p_session::uuid;
        v_event uuid;
        v_session_found boolean;
        v_session_status text;
        v_visibility text;
        v_room uuid;
        v_status text;
        v_id uuid;
        v_arrival bigint;
      BEGIN
        -- One delegate's claims queue on their registration row (see EnrolmentsService.enrol).
        SELECT r.event_id, r.status INTO v_event, registration_status FROM registration r
         WHERE r.id = v_registration AND r.user_id = p_user AND r.anonymised_at IS NULL FOR NO KEY UPDATE;
        IF NOT FOUND THEN refusal := 'REGISTRATION_NOT_FOUND'; RETURN; END IF;
        IF registration_status <> 'approved' THEN refusal := 'REGISTRATION_NOT_APPROVED'; RETURN; END IF;

        -- The session row is locked for the decision, the room's row shared so its capacity cannot change meanwhile.
        SELECT s.status, s.visibility, s.room_id, s.title, s.starts_at, s.ends_at
          INTO v_session_status, v_visibility, v_room, title, starts_at, ends_at
          FROM session s WHERE s.id = v_session AND s.event_id = v_event FOR UPDATE;
        v_session_found := FOUND;
        IF v_room IS NOT NULL THEN PERFORM 1 FROM room r WHERE r.id = v_room FOR SHARE; END IF;
        IF NOT v_session_found OR v_session_status = 'draft' THEN
          refusal := 'SESSION_NOT_FOUND'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;
        IF v_session_status <> 'scheduled' THEN
          refusal := 'SESSION_CANCELLED'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;
        IF v_visibility = 'invitation'
           AND NOT EXISTS (SELECT 1 FROM session_invitee i WHERE i.session_id = v_session AND i.registration_id = v_registration) THEN
          refusal := 'NOT_INVITED'; title := NULL; starts_at := NULL; ends_at := NULL; RETURN;
        END IF;

        -- Those already waiting come first: a seat freed by a change elsewhere goes to them, not to a newcomer.
        PERFORM promote_waitlisted(v_session);
        -- The conditional seat: no capacity on the session nor a room means no limit (as in promote_waitlisted).
        UPDATE session s SET seats_taken = s.seats_taken + 1
         WHERE s.id = v_session
           AND s.seats_taken < coalesce(s.capacity, (SELECT r.capacity FROM room r WHERE r.id = s.room_id), 2147483647);
        v_status := CASE WHEN FOUND THEN 'enrolled' ELSE 'waitlisted' END;

        INSERT INTO enrolment AS e (session_id, registration_id, status) VALUES (v_session, v_registration, v_status)
        RETURNING e.id, e.arrival, e.created_at INTO v_id, v_arrival, created_at;
        -- What AuditService.record writes: the actor is the delegate, the snapshot {sessionId, status}, no "before".
        INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, before, after, request_id)
        VALUES (p_user, p_actor_role, 'enrolment.' || v_status, 'enrolment', v_id::text, NULL,
                jsonb_build_object('sessionId', p_session, 'status', v_status), p_request_id);
        -- What OutboxService.add writes for JobName.EnrolmentChanged (queue 'registration').
        INSERT INTO outbox (queue, name, payload, deliver_at)
        VALUES ('registration', 'enrolment-changed',
                jsonb_build_object('enrolmentId', v_id, 'registrationId', p_registration, 'sessionId', p_session, 'change', v_status), NULL);

        -- The answer's columns (ENROLMENT_SELECT's), so the api needs no read-back.
        id := v_id; registration_id := v_registration; session_id := v_session; status := v_status;
        IF v_status = 'waitlisted' THEN
          SELECT count(*) INTO waitlist_position FROM enrolment w
           WHERE w.session_id = v_session AND w.status = 'waitlisted' AND w.arrival <= v_arrival;
        END IF;
      END $$`;

const PROMOTE_WAITLISTED_BEFORE = `
      CREATE OR REPLACE FUNCTION promote_waitlisted(p_session uuid) RETURNS integer LANGUAGE plpgsql AS $$
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
      END $$`;

const SESSION_CANCEL_RELEASES_SEATS_BEFORE = `
      CREATE OR REPLACE FUNCTION session_cancel_releases_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (queue, name, payload)
        SELECT 'registration', 'enrolment-changed',
               jsonb_build_object('enrolmentId', e.id, 'registrationId', e.registration_id, 'sessionId', e.session_id, 'change', 'cancelled')
          FROM enrolment e WHERE e.session_id = NEW.id AND e.status <> 'cancelled';
        UPDATE enrolment SET status = 'cancelled', updated_at = now() WHERE session_id = NEW.id AND status <> 'cancelled';
        UPDATE session SET seats_taken = 0 WHERE id = NEW.id;
        RETURN NULL;
      END $$`;

export class PlpgsqlWritersThroughCore1763740000061 implements MigrationInterface {
  name = 'PlpgsqlWritersThroughCore1763740000061';

  async up(db: QueryRunner): Promise<void> {
    await db.query(PROMOTE_WAITLISTED);
    await db.query(SESSION_CANCEL_RELEASES_SEATS);
    await db.query(CLAIM_SEAT);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(PROMOTE_WAITLISTED_BEFORE);
    await db.query(SESSION_CANCEL_RELEASES_SEATS_BEFORE);
    await db.query(CLAIM_SEAT_BEFORE);
  }
}
