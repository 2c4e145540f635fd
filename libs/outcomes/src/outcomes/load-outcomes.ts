import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationRepository, PersonRepository } from '#programme/index.js';
import type { OutcomeDocumentDto, OutcomeDto, OutcomePartyDto, OutcomePersonDto } from './outcome.dto.js';

interface OutcomeRow {
  id: string;
  event_id: string;
  kind: OutcomeDto['kind'];
  title: OutcomeDto['title'];
  summary: OutcomeDto['summary'];
  body: OutcomeDto['body'];
  session_id: string | null;
  occurred_at: Date | null;
  status: OutcomeDto['status'];
  agreement_type: OutcomeDto['agreementType'];
  signing_order: number | null;
  value_amount: string | null;
  value_currency: string | null;
  value_confidential: boolean;
  signed_at: Date | null;
  done_at: Date | null;
  approved_at: Date | null;
  updated_at: Date;
}

function group<T extends { outcome_id: string }, D>(rows: T[], map: (row: T) => D): Map<string, D[]> {
  const grouped = new Map<string, D[]>();
  for (const row of rows) grouped.set(row.outcome_id, [...(grouped.get(row.outcome_id) ?? []), map(row)]);
  return grouped;
}

/**
 * Full outcomes (parties, people, areas, documents) for a set of ids, in seven queries whatever their number: the
 * parties' and people's names are programme's directory, read through its repositories in the caller's transaction.
 */
@Injectable()
export class OutcomeLoader {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly persons: PersonRepository,
  ) {}

  async load(manager: EntityManager, ids: string[]): Promise<OutcomeDto[]> {
    if (ids.length === 0) return [];
    const outcomes = (await manager.query(`SELECT * FROM outcome WHERE id = ANY($1::uuid[])`, [ids])) as OutcomeRow[];
    const partyRows = (await manager.query(
      `SELECT outcome_id, organisation_id, role, confidential FROM outcome_party
        WHERE outcome_id = ANY($1::uuid[]) ORDER BY position, organisation_id`,
      [ids],
    )) as (Pick<OutcomePartyDto, 'role' | 'confidential'> & { outcome_id: string; organisation_id: string })[];
    const organisations = new Map(
      (await this.organisations.namesAndCountriesOf(manager, [...new Set(partyRows.map((r) => r.organisation_id))])).map((o) => [o.id, o]),
    );
    const parties = group(
      // The database keeps every party's organisation (a foreign key): the filter is the join's, for the types.
      partyRows.filter((r) => organisations.has(r.organisation_id)),
      (r): OutcomePartyDto => {
        const organisation = organisations.get(r.organisation_id)!;
        return { organisationId: r.organisation_id, name: organisation.name, country: organisation.country, role: r.role, confidential: r.confidential };
      },
    );
    const personRows = (await manager.query(
      `SELECT outcome_id, person_id, role, for_organisation_id, protocol_order FROM outcome_person
        WHERE outcome_id = ANY($1::uuid[]) ORDER BY role, protocol_order, person_id`,
      [ids],
    )) as { outcome_id: string; person_id: string; role: OutcomePersonDto['role']; for_organisation_id: string | null; protocol_order: number }[];
    const persons = new Map((await this.persons.namesOf(manager, [...new Set(personRows.map((r) => r.person_id))])).map((p) => [p.id, p]));
    const people = group(
      personRows.filter((r) => persons.has(r.person_id)),
      (r): OutcomePersonDto => {
        const person = persons.get(r.person_id)!;
        return {
          personId: r.person_id,
          nameNative: person.nameNative,
          nameLatin: person.nameLatin,
          nameCyrillic: person.nameCyrillic,
          position: person.position,
          role: r.role,
          forOrganisationId: r.for_organisation_id,
          protocolOrder: r.protocol_order,
        };
      },
    );
    const areas = group(
      (await manager.query(`SELECT outcome_id, area FROM outcome_area WHERE outcome_id = ANY($1::uuid[]) ORDER BY area`, [ids])) as {
        outcome_id: string;
        area: OutcomeDto['areas'][number];
      }[],
      (r) => r.area,
    );
    const documents = group(
      (await manager.query(
        `SELECT id, outcome_id, language, content_type, size_bytes, sha256, uploaded_at FROM outcome_document
          WHERE outcome_id = ANY($1::uuid[]) ORDER BY uploaded_at, id`,
        [ids],
      )) as { id: string; outcome_id: string; language: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date }[],
      (r): OutcomeDocumentDto => ({
        id: r.id,
        language: r.language,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        uploadedAt: r.uploaded_at.toISOString(),
      }),
    );
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    return ids
      .map((id) => byId.get(id))
      .filter((o): o is OutcomeRow => Boolean(o))
      .map((o) => ({
        id: o.id,
        eventId: o.event_id,
        kind: o.kind,
        title: o.title,
        summary: o.summary,
        body: o.body,
        sessionId: o.session_id,
        occurredAt: o.occurred_at?.toISOString() ?? null,
        status: o.status,
        agreementType: o.agreement_type,
        signingOrder: o.signing_order,
        value: o.value_amount ? { amount: o.value_amount, currency: o.value_currency!, confidential: o.value_confidential } : null,
        areas: areas.get(o.id) ?? [],
        parties: parties.get(o.id) ?? [],
        people: people.get(o.id) ?? [],
        documents: documents.get(o.id) ?? [],
        signedAt: o.signed_at?.toISOString() ?? null,
        doneAt: o.done_at?.toISOString() ?? null,
        approvedAt: o.approved_at?.toISOString() ?? null,
        updatedAt: o.updated_at.toISOString(),
      }));
  }
}

