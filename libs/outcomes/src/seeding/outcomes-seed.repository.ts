import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { AgreementType, CooperationArea, OutcomeKind, OutcomePersonRole, OutcomeStatus, PartyRole } from '../outcomes-vocabulary.js';

/** An outcome as a seed gives it; signed or done at `occurredAt` by its status, approved now when `approved`. */
export interface SeedOutcome {
  id: string;
  eventId: string;
  kind: OutcomeKind;
  title: Trilingual;
  summary: Trilingual | null;
  body: Trilingual | null;
  sessionId: string;
  occurredAt: string;
  status: OutcomeStatus;
  agreementType: AgreementType | null;
  signingOrder: number | null;
  valueAmount: string | null;
  valueCurrency: string | null;
  valueConfidential: boolean;
  approved: boolean;
}

/** Writes for seeders (libs/demo): outcomes with their parties, people and areas, in the seeder's transaction. */
@Injectable()
export class OutcomesSeedRepository {
  /** Adds the outcome unless its id is there; true when it was added. */
  async addOutcome(manager: EntityManager, o: SeedOutcome): Promise<boolean> {
    const added = (await manager.query(
      `INSERT INTO outcome (id, event_id, kind, title, summary, body, session_id, occurred_at, status, agreement_type, signing_order,
                            value_amount, value_currency, value_confidential, signed_at, done_at, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
               CASE WHEN $9 = 'signed' THEN $8::timestamptz END, CASE WHEN $9 = 'done' THEN $8::timestamptz END,
               CASE WHEN $15 THEN now() END)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        o.id, o.eventId, o.kind, o.title, o.summary, o.body, o.sessionId, o.occurredAt, o.status, o.agreementType, o.signingOrder,
        o.valueAmount, o.valueCurrency, o.valueConfidential, o.approved,
      ],
    )) as unknown[];
    return added.length > 0;
  }

  /** Adds a party of the outcome at its position (1-based). */
  async addParty(
    manager: EntityManager,
    outcomeId: string,
    party: { organisationId: string; role: PartyRole; confidential: boolean; position: number },
  ): Promise<void> {
    await manager.query(`INSERT INTO outcome_party (outcome_id, organisation_id, role, confidential, position) VALUES ($1, $2, $3, $4, $5)`, [
      outcomeId, party.organisationId, party.role, party.confidential, party.position,
    ]);
  }

  /** Adds a person of the outcome (a signatory, a witness …), possibly acting for an organisation. */
  async addPerson(
    manager: EntityManager,
    outcomeId: string,
    person: { personId: string; role: OutcomePersonRole; forOrganisationId: string | null; protocolOrder: number },
  ): Promise<void> {
    await manager.query(`INSERT INTO outcome_person (outcome_id, person_id, role, for_organisation_id, protocol_order) VALUES ($1, $2, $3, $4, $5)`, [
      outcomeId, person.personId, person.role, person.forOrganisationId, person.protocolOrder,
    ]);
  }

  /** Adds the outcome's cooperation areas. */
  async addAreas(manager: EntityManager, outcomeId: string, areas: CooperationArea[]): Promise<void> {
    if (areas.length) await manager.query(`INSERT INTO outcome_area (outcome_id, area) SELECT $1, unnest($2::text[])`, [outcomeId, areas]);
  }
}
