import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The door's scan decided in one statement: a scan used to cost eight round trips (BEGIN, the list, the nonce
 * claim, the badge, the seat, the check-in, the stored answer, COMMIT), and at 1,000 scans/s the round trips
 * were the api's work. Called on its own (autocommit), the function is one transaction, so a scan still
 * writes all or nothing.
 *
 * It returns NULL for an unknown list (nothing written), else the answer {code, details} it stored with the
 * nonce; the status and message for a code stay in TypeScript (check-in.service.ts). It is VOLATILE, so under
 * READ COMMITTED each statement takes a fresh snapshot: a repeat nonce waits on the first scan's uncommitted
 * claim, and once that commits the following SELECT sees its answer (likewise the first check-in of a badge
 * for ALREADY_CHECKED_IN).
 */
export class CheckInScanFunction1763740000008 implements MigrationInterface {
  name = 'CheckInScanFunction1763740000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION scan_badge(p_list uuid, p_nonce text, p_token text, p_scanned_at timestamptz, p_scanned_by uuid)
      RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_list record;
        v_badge record;
        v_first_at timestamptz;
        v_code text;
        v_details jsonb := '{}';
        v_answer jsonb;
      BEGIN
        SELECT l.event_id, l.session_id INTO v_list FROM check_in_list l WHERE l.id = p_list;
        IF NOT FOUND THEN RETURN NULL; END IF;

        -- Claim the nonce first, so a repeat (even with another badge) can neither decide nor write again.
        INSERT INTO check_in_scan (list_id, nonce, answer) VALUES (p_list, p_nonce, '{}') ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          RETURN (SELECT s.answer FROM check_in_scan s WHERE s.list_id = p_list AND s.nonce = p_nonce);
        END IF;

        -- KEY SHARE: an erasure (which takes the row FOR UPDATE) waits for this scan, or this scan for it, so
        -- the name it stores is either scrubbed by the erasure or never read; a seat claim (NO KEY UPDATE) is not waited for.
        SELECT r.id, r.event_id, r.status, r.badge_revoked_at, r.name_native, r.name_latin, r.category, r.country
          INTO v_badge FROM registration r WHERE r.badge_token = p_token FOR KEY SHARE;
        IF NOT FOUND THEN
          v_code := 'UNKNOWN_BADGE';
        ELSIF v_badge.event_id <> v_list.event_id THEN
          v_code := 'WRONG_EVENT';
        ELSE
          v_details := jsonb_build_object('delegate', jsonb_build_object('registrationId', v_badge.id, 'nameNative', v_badge.name_native,
                         'nameLatin', v_badge.name_latin, 'category', v_badge.category, 'country', v_badge.country));
          IF v_badge.badge_revoked_at IS NOT NULL OR v_badge.status = 'cancelled' THEN
            v_code := 'BADGE_REVOKED';
          ELSIF v_badge.status = 'pending' THEN
            v_code := 'REGISTRATION_PENDING';
          ELSIF v_badge.status = 'rejected' THEN
            v_code := 'REGISTRATION_REJECTED';
          ELSIF v_list.session_id IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM enrolment e WHERE e.session_id = v_list.session_id AND e.registration_id = v_badge.id AND e.status = 'enrolled') THEN
            v_code := 'NOT_ENROLLED';
          ELSE
            INSERT INTO check_in (list_id, registration_id, scanned_at, scanned_by) VALUES (p_list, v_badge.id, p_scanned_at, p_scanned_by)
              ON CONFLICT (list_id, registration_id) DO NOTHING RETURNING scanned_at INTO v_first_at;
            IF FOUND THEN
              v_code := 'CHECKED_IN';
            ELSE
              SELECT c.scanned_at INTO v_first_at FROM check_in c WHERE c.list_id = p_list AND c.registration_id = v_badge.id;
              v_code := 'ALREADY_CHECKED_IN';
            END IF;
            -- As JavaScript's toISOString() writes it (UTC, milliseconds), so answers stored before this function read alike.
            v_details := v_details || jsonb_build_object('checkedInAt', to_char(v_first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
          END IF;
        END IF;

        v_answer := jsonb_build_object('code', v_code, 'details', v_details);
        UPDATE check_in_scan SET answer = v_answer WHERE list_id = p_list AND nonce = p_nonce;
        RETURN v_answer;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION scan_badge(uuid, text, text, timestamptz, uuid)`);
  }
}
