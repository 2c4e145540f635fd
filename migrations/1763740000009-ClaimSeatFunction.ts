import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A seat claim decided in one statement. Seats are decided one at a time under the session row's lock, so the
 * throughput of a storm is one over the time that lock is held. Taken by the api statement by statement, the lock
 * was held across nine round trips, each waiting on an event loop busy with the rest of the storm; here the whole
 * decision (the same checks, in the same order, taking the same locks in the same order as before) runs inside the
 * database and the api sends one statement in autocommit. The audit and outbox rows are the ones AuditService.record
 * and OutboxService.add wrote (same columns, action, snapshot and payload), in the same transaction as the seat.
 *
 * A refusal comes back as a code in `refusal` (the rest of the row empty) rather than as a raised error: every
 * refusal is decided before anything is written, so nothing is left to roll back, the service maps the code to
 * its own typed errors (with the registration's status for REGISTRATION_NOT_APPROVED) without parsing messages,
 * and an ordinary refusal does not land in the server's error log. Violated constraints (enrolment_no_overlap,
 * enrolment_once), deadlocks and serialization failures still raise, as they did, for the service to map or retry.
 *
 * The ids come in as text and go into the audit snapshot and the outbox payload as given, as the JSON the api
 * built from the request did.
 */
export class ClaimSeatFunction1763740000009 implements MigrationInterface {
  name = 'ClaimSeatFunction1763740000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
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
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION claim_seat(text, uuid, text, text, text)`);
  }
}
