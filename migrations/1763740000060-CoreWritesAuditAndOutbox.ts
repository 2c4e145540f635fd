import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Core's two writers, the only statements that insert into audit_log and outbox: AuditService, OutboxService,
 * the CTE fragments of write-ctes.ts, the other domains' set-based fan-outs and the PL/pgSQL functions
 * (claim_seat, promote_waitlisted, the cancelled session's release of seats) all call them.
 *
 * core_enqueue (one job) and core_enqueue_each (many, set-based; core_enqueue calls it) take the job's name,
 * not its queue: the queue and the payload's keys come from outbox_job_contract, which holds the TypeScript definitions (JOB_CONTRACTS and the payload DTOs in
 * libs/core/src/queue). That table is written from them by writeJobContracts (libs/core/src/outbox/
 * job-contract-table.ts) after every migration run, not by this migration: a migration's text is frozen, the
 * definitions change with the code. An unknown job, a payload that is not an object, a required key missing
 * (or null) or a key the DTO does not declare is refused with SQLSTATE 22023 (invalid_parameter_value) and a
 * message naming the job and the keys, before anything is written. The DTOs' finer rules (UUIDs, enumerations)
 * stay in TypeScript, which validates before it calls.
 */
export class CoreWritesAuditAndOutbox1763740000060 implements MigrationInterface {
  name = 'CoreWritesAuditAndOutbox1763740000060';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_job_contract (
        name text PRIMARY KEY,
        queue text NOT NULL,
        required_keys text[] NOT NULL,
        allowed_keys text[] NOT NULL,
        CONSTRAINT outbox_job_contract_required_allowed CHECK (required_keys <@ allowed_keys)
      )`);
    await db.query(`
      CREATE FUNCTION core_write_audit(
        p_actor_id uuid, p_actor_role text, p_action text, p_entity text, p_entity_id text,
        p_before jsonb, p_after jsonb, p_request_id text
      ) RETURNS bigint LANGUAGE sql AS $$
        INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, before, after, request_id)
        VALUES (p_actor_id, p_actor_role, p_action, p_entity, p_entity_id, p_before, p_after, p_request_id)
        RETURNING id
      $$`);
    // The set-based writer: fan-outs (a release's messages, a cancelled session's seats) write thousands of rows
    // with one call, checked against the contract in one pass and inserted by one INSERT … SELECT, in the
    // payloads' order. `p_deliver_at`, when given, pairs with the payloads by position.
    await db.query(`
      CREATE FUNCTION core_enqueue_each(p_name text, p_payloads jsonb[], p_deliver_at timestamptz[] DEFAULT NULL)
      RETURNS SETOF bigint LANGUAGE plpgsql AS $$
      DECLARE
        v_queue text;
        v_required text[];
        v_allowed text[];
        v_bad jsonb;
        v_missing text[];
        v_unknown text[];
      BEGIN
        SELECT c.queue, c.required_keys, c.allowed_keys INTO v_queue, v_required, v_allowed
          FROM outbox_job_contract c WHERE c.name = p_name;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'core_enqueue: unknown job %', coalesce(quote_literal(p_name), 'NULL')
            USING ERRCODE = '22023', HINT = 'Jobs are defined in JOB_CONTRACTS (libs/core/src/queue/job-payloads.ts).';
        END IF;
        IF p_deliver_at IS NOT NULL AND cardinality(p_deliver_at) <> cardinality(p_payloads) THEN
          RAISE EXCEPTION 'core_enqueue: % payloads but % delivery times', cardinality(p_payloads), cardinality(p_deliver_at)
            USING ERRCODE = '22023';
        END IF;
        -- The first payload that breaks the contract, if any (CASE: the keys of a non-object are not read).
        SELECT t.payload INTO v_bad FROM unnest(p_payloads) t(payload)
         WHERE CASE WHEN jsonb_typeof(t.payload) IS DISTINCT FROM 'object' THEN true
                    ELSE NOT (t.payload ?& v_required)
                         OR EXISTS (SELECT 1 FROM unnest(v_required) k WHERE t.payload -> k = 'null'::jsonb)
                         OR EXISTS (SELECT 1 FROM jsonb_object_keys(t.payload) k WHERE k <> ALL (v_allowed)) END
         LIMIT 1;
        IF FOUND THEN
          IF jsonb_typeof(v_bad) IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'core_enqueue: the payload of job % must be a JSON object', p_name USING ERRCODE = '22023';
          END IF;
          SELECT array_agg(k ORDER BY k) INTO v_missing FROM unnest(v_required) k
           WHERE coalesce(jsonb_typeof(v_bad -> k), 'null') = 'null';
          SELECT array_agg(k ORDER BY k) INTO v_unknown FROM jsonb_object_keys(v_bad) k WHERE k <> ALL (v_allowed);
          RAISE EXCEPTION 'core_enqueue: the payload of job % is invalid (missing: %; not allowed: %)',
            p_name, coalesce(array_to_string(v_missing, ', '), 'none'), coalesce(array_to_string(v_unknown, ', '), 'none')
            USING ERRCODE = '22023';
        END IF;
        RETURN QUERY
          INSERT INTO outbox (queue, name, payload, deliver_at)
          SELECT v_queue, p_name, t.payload, t.deliver_at
            FROM unnest(p_payloads, p_deliver_at) WITH ORDINALITY t(payload, deliver_at, n) ORDER BY t.n
          RETURNING id;
      END $$`);
    // One job: the same writer, for one payload.
    await db.query(`
      CREATE FUNCTION core_enqueue(p_name text, p_payload jsonb, p_deliver_at timestamptz DEFAULT NULL)
      RETURNS bigint LANGUAGE sql AS $$
        SELECT core_enqueue_each(p_name, ARRAY[p_payload], ARRAY[p_deliver_at])
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION core_enqueue(text, jsonb, timestamptz)`);
    await db.query(`DROP FUNCTION core_enqueue_each(text, jsonb[], timestamptz[])`);
    await db.query(`DROP FUNCTION core_write_audit(uuid, text, text, text, text, jsonb, jsonb, text)`);
    await db.query(`DROP TABLE outbox_job_contract`);
  }
}
