import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CheckInScanFunction1763740000008 } from './1763740000008-CheckInScanFunction.js';

/**
 * Issue 12's registration changes, in the one migration number given to them: check-in nonces that belong to one
 * scan, and delegation heads that are members and that an organiser confirms.
 *
 * 1. A nonce replays only its own scan. scan_badge answered any repeat of a (list, nonce) with the stored answer, so
 * two door devices whose counters collided showed the second guest the first guest's name and left the second
 * guest outside. Now a nonce belongs to the scan that claimed it (which badge, on which list):
 *
 * - the same badge on the same list with the same nonce is the retry it was made for, and gets the first answer;
 * - another badge with that nonce, or the nonce on another list of the edition, gets NONCE_REUSED (409) and
 *   writes nothing, so the device scans again with a fresh nonce and gets a true answer.
 *
 * The scan row keeps the badge as a SHA-256 digest of its token, not the token: the table must not hold working
 * badges. A nonce is unique per edition (event_id, nonce), not across editions, because scanners reset their
 * counters between years. Both rules are the database's (unique keys), so two requests racing with one nonce
 * cannot both win: the loser's INSERT waits for the winner's claim and then sees it.
 *
 * Rows written before this migration have no digest. They stay out of the per-edition key (two lists of an edition
 * may already share a nonce, which the key would refuse to index), so their nonces stay held per list only, as
 * they were. A repeat on such a row replays it only when the row names the registration the badge belongs to;
 * anything else is NONCE_REUSED, as it cannot be shown to be the same scan.
 *
 * 2. A delegation's head is one of its members (a composite foreign key to the registration's own delegation, so
 * no later change can leave a non-member at the head), and the head an organiser confirmed or chose is marked so
 * (head_confirmed_at/by): the first registrant who says they head a delegation only claims it. Heads that are not
 * members (none should be: the claim was always made by a member) are cleared first, so the key can be added.
 */
export class NonceOwnershipAndDelegationHeads1763740000011 implements MigrationInterface {
  name = 'NonceOwnershipAndDelegationHeads1763740000011';

  async up(db: QueryRunner): Promise<void> {
    // The edition is copied onto the scan for its unique key; the composite foreign key keeps the copy true.
    await db.query(`ALTER TABLE check_in_list ADD CONSTRAINT check_in_list_id_event_key UNIQUE (id, event_id)`);
    await db.query(`ALTER TABLE check_in_scan ADD COLUMN event_id uuid, ADD COLUMN token_digest bytea`);
    await db.query(`UPDATE check_in_scan s SET event_id = l.event_id FROM check_in_list l WHERE l.id = s.list_id`);
    await db.query(`
      ALTER TABLE check_in_scan
        ALTER COLUMN event_id SET NOT NULL,
        ADD CONSTRAINT check_in_scan_list_event_fkey FOREIGN KEY (list_id, event_id) REFERENCES check_in_list (id, event_id),
        ADD CONSTRAINT check_in_scan_token_digest_check CHECK (octet_length(token_digest) = 32)`);
    await db.query(`CREATE UNIQUE INDEX check_in_scan_event_nonce_key ON check_in_scan (event_id, nonce) WHERE token_digest IS NOT NULL`);

    await db.query(`
      CREATE OR REPLACE FUNCTION scan_badge(p_list uuid, p_nonce text, p_token text, p_scanned_at timestamptz, p_scanned_by uuid)
      RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_list record;
        v_badge record;
        v_prior record;
        v_digest bytea := sha256(convert_to(p_token, 'UTF8'));
        v_first_at timestamptz;
        v_code text;
        v_details jsonb := '{}';
        v_answer jsonb;
      BEGIN
        SELECT l.event_id, l.session_id INTO v_list FROM check_in_list l WHERE l.id = p_list;
        IF NOT FOUND THEN RETURN NULL; END IF;

        -- Claim the nonce first, so a repeat can neither decide nor write again. Without a conflict target the
        -- claim yields to both keys: (list_id, nonce) and the edition's (event_id, nonce).
        INSERT INTO check_in_scan (list_id, event_id, nonce, token_digest, answer)
          VALUES (p_list, v_list.event_id, p_nonce, v_digest, '{}') ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          -- Taken. Only the same badge on the same list is the same scan; the answer is not stored, since the
          -- nonce's row belongs to the scan that claimed it.
          SELECT s.answer, s.token_digest INTO v_prior FROM check_in_scan s WHERE s.list_id = p_list AND s.nonce = p_nonce;
          IF FOUND AND (v_prior.token_digest = v_digest OR (v_prior.token_digest IS NULL
               AND v_prior.answer #>> '{details,delegate,registrationId}' = (SELECT r.id::text FROM registration r WHERE r.badge_token = p_token))) THEN
            RETURN v_prior.answer;
          END IF;
          RETURN jsonb_build_object('code', 'NONCE_REUSED', 'details', '{}'::jsonb);
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

    await db.query(`
      UPDATE delegation d SET head_registration_id = NULL
       WHERE head_registration_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.id = d.head_registration_id AND r.delegation_id = d.id)`);
    await db.query(`ALTER TABLE registration ADD CONSTRAINT registration_id_delegation_key UNIQUE (id, delegation_id)`);
    await db.query(`
      ALTER TABLE delegation
        ADD COLUMN head_confirmed_at timestamptz,
        ADD COLUMN head_confirmed_by uuid REFERENCES app_user (id),
        ADD CONSTRAINT delegation_head_member_fkey FOREIGN KEY (head_registration_id, id) REFERENCES registration (id, delegation_id),
        ADD CONSTRAINT delegation_head_confirmed_check CHECK (head_confirmed_at IS NULL OR head_registration_id IS NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE delegation DROP CONSTRAINT delegation_head_confirmed_check, DROP CONSTRAINT delegation_head_member_fkey,
        DROP COLUMN head_confirmed_by, DROP COLUMN head_confirmed_at`);
    await db.query(`ALTER TABLE registration DROP CONSTRAINT registration_id_delegation_key`);
    // The earlier function (CREATE OR REPLACE), then the columns it does not know.
    await new CheckInScanFunction1763740000008().up(db);
    await db.query(`DROP INDEX check_in_scan_event_nonce_key`);
    await db.query(`ALTER TABLE check_in_scan DROP CONSTRAINT check_in_scan_list_event_fkey, DROP COLUMN token_digest, DROP COLUMN event_id`);
    await db.query(`ALTER TABLE check_in_list DROP CONSTRAINT check_in_list_id_event_key`);
  }
}
