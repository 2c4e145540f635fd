import type { EntityManager } from 'typeorm';
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

/** Full outcomes (parties, people, areas, documents) for a set of ids, in five queries whatever their number. */
export async function loadOutcomes(manager: EntityManager, ids: string[]): Promise<OutcomeDto[]> {
  if (ids.length === 0) return [];
  const outcomes = (await manager.query(`SELECT * FROM outcome WHERE id = ANY($1::uuid[])`, [ids])) as OutcomeRow[];
  const parties = group(
    (await manager.query(
      `SELECT p.outcome_id, p.organisation_id, o.name, o.country, p.role, p.confidential
         FROM outcome_party p JOIN organisation o ON o.id = p.organisation_id
        WHERE p.outcome_id = ANY($1::uuid[]) ORDER BY p.position, p.organisation_id`,
      [ids],
    )) as (OutcomePartyDto & { outcome_id: string; organisation_id: string })[],
    (r): OutcomePartyDto => ({ organisationId: r.organisation_id, name: r.name, country: r.country, role: r.role, confidential: r.confidential }),
  );
  const people = group(
    (await manager.query(
      `SELECT op.outcome_id, op.person_id, p.name_native, p.name_latin, p.name_cyrillic, p.position, op.role,
              op.for_organisation_id, op.protocol_order
         FROM outcome_person op JOIN person p ON p.id = op.person_id
        WHERE op.outcome_id = ANY($1::uuid[]) ORDER BY op.role, op.protocol_order, op.person_id`,
      [ids],
    )) as {
      outcome_id: string;
      person_id: string;
      name_native: string;
      name_latin: string;
      name_cyrillic: string | null;
      position: OutcomePersonDto['position'];
      role: OutcomePersonDto['role'];
      for_organisation_id: string | null;
      protocol_order: number;
    }[],
    (r): OutcomePersonDto => ({
      personId: r.person_id,
      nameNative: r.name_native,
      nameLatin: r.name_latin,
      nameCyrillic: r.name_cyrillic,
      position: r.position,
      role: r.role,
      forOrganisationId: r.for_organisation_id,
      protocolOrder: r.protocol_order,
    }),
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
