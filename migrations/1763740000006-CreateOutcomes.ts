import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes of an event: agreements (with parties, signatories, witnesses,
 * cooperation areas, documents), plaque unveilings, initiatives, alliances,
 * enterprises settling in, announcements. Their life is enforced here: an
 * agreement goes planned → ready → signed (or cancelled), anything else
 * planned → done (or cancelled); only an organiser's approval publishes one.
 */
export class CreateOutcomes1763740000006 implements MigrationInterface {
  name = 'CreateOutcomes1763740000006';

  async up(db: QueryRunner): Promise<void> {
    // Lets an outcome name a session of its own event only.
    await db.query(`ALTER TABLE session ADD CONSTRAINT session_event_key UNIQUE (id, event_id)`);
    await db.query(`
      CREATE TABLE outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id),
        kind text NOT NULL CHECK (kind IN ('agreement', 'unveiling', 'initiative', 'alliance', 'settlement', 'announcement')),
        title jsonb NOT NULL,
        summary jsonb,
        body jsonb,
        session_id uuid,
        occurred_at timestamptz,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ready', 'signed', 'done', 'cancelled')),
        agreement_type text CHECK (agreement_type IN ('strategic_cooperation', 'investment_cooperation', 'memorandum_of_understanding',
                                                      'framework_agreement', 'settlement_contract', 'other')),
        signing_order integer CHECK (signing_order > 0),
        value_amount numeric(20, 2) CHECK (value_amount >= 0),
        value_currency text CHECK (value_currency ~ '^[A-Z]{3}$'),
        value_confidential boolean NOT NULL DEFAULT false,
        signed_at timestamptz,
        signed_recorded_by uuid REFERENCES app_user (id),
        approved_at timestamptz,
        approved_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outcome_session_fkey FOREIGN KEY (session_id, event_id) REFERENCES session (id, event_id),
        CONSTRAINT outcome_status_by_kind CHECK (
          (kind = 'agreement' AND status IN ('planned', 'ready', 'signed', 'cancelled'))
          OR (kind <> 'agreement' AND status IN ('planned', 'done', 'cancelled'))),
        CONSTRAINT outcome_agreement_type CHECK ((kind = 'agreement') = (agreement_type IS NOT NULL)),
        CONSTRAINT outcome_value_pair CHECK ((value_amount IS NULL) = (value_currency IS NULL)),
        CONSTRAINT outcome_signed_when CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
        -- Nothing cancelled is public.
        CONSTRAINT outcome_published_live CHECK (approved_at IS NULL OR status <> 'cancelled')
      )`);
    await db.query(`CREATE INDEX outcome_event_idx ON outcome (event_id, kind)`);
    await db.query(`CREATE INDEX outcome_session_idx ON outcome (session_id, signing_order)`);
    await db.query(`
      CREATE TABLE outcome_party (
        outcome_id uuid NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        role text NOT NULL CHECK (role IN ('party', 'founding_member', 'operator', 'settling_enterprise')),
        confidential boolean NOT NULL DEFAULT false,
        position integer NOT NULL DEFAULT 1,
        PRIMARY KEY (outcome_id, organisation_id)
      )`);
    await db.query(`
      CREATE TABLE outcome_person (
        outcome_id uuid NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('signatory', 'witness', 'unveiler', 'presenter')),
        for_organisation_id uuid,
        protocol_order integer NOT NULL DEFAULT 1 CHECK (protocol_order > 0),
        PRIMARY KEY (outcome_id, person_id, role),
        -- A signatory signs for one of the outcome's parties.
        CONSTRAINT outcome_person_party_fkey FOREIGN KEY (outcome_id, for_organisation_id) REFERENCES outcome_party (outcome_id, organisation_id),
        CONSTRAINT outcome_signatory_party CHECK (role <> 'signatory' OR for_organisation_id IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE outcome_area (
        outcome_id uuid NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
        -- The controlled vocabulary (COOPERATION_AREAS in libs/outcomes); a new area needs a migration.
        area text NOT NULL CHECK (area IN ('industrial_investment', 'new_energy_computing', 'park_development', 'rail_express_logistics', 'industrial_funds', 'new_quality_productivity', 'logistics', 'new_energy', 'equipment_manufacturing', 'digital_economy', 'artificial_intelligence', 'cross_border_data', 'trade_investment', 'supply_chain')),
        PRIMARY KEY (outcome_id, area)
      )`);
    await db.query(`
      CREATE TABLE outcome_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outcome_id uuid NOT NULL REFERENCES outcome (id),
        language text NOT NULL CHECK (language IN ('zh', 'en', 'ru')),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL,
        uploaded_by uuid REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX outcome_document_outcome_idx ON outcome_document (outcome_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outcome_document, outcome_area, outcome_person, outcome_party, outcome`);
    await db.query(`ALTER TABLE session DROP CONSTRAINT session_event_key`);
  }
}
