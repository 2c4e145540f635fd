import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { demoId } from '#programme/demo/demo-ids.js';
import { DEMO_EDITION_2025 } from '#programme/demo/demo-edition-2025.data.js';
import { DEMO_OUTCOMES_2025 } from './demo-outcomes-2025.data.js';
import type { DemoOutcomes } from './demo-outcomes.types.js';

/** The outcomes of the 2025 edition from the seeds, each in its session; idempotent like the programme seed. */
@Injectable()
export class DemoOutcomesSeeder {
  private readonly logger = new Logger(DemoOutcomesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seed(data: DemoOutcomes = DEMO_OUTCOMES_2025): Promise<number> {
    const eventId = demoId('event', DEMO_EDITION_2025.event.slug);
    const inserted = await this.dataSource.transaction(async (manager) => {
      for (const o of data.organisations) {
        await manager.query(`INSERT INTO organisation (id, name, country, type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          demoId('organisation', o.key),
          o.name,
          o.country,
          o.type,
        ]);
      }
      let count = 0;
      for (const o of data.outcomes) {
        const id = demoId('outcome', o.key);
        const added = (await manager.query(
          `INSERT INTO outcome (id, event_id, kind, title, summary, body, session_id, occurred_at, status, agreement_type, signing_order,
                                value_amount, value_currency, value_confidential, signed_at, done_at, approved_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                   CASE WHEN $9 = 'signed' THEN $8::timestamptz END, CASE WHEN $9 = 'done' THEN $8::timestamptz END,
                   CASE WHEN $15 THEN now() END)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            id, eventId, o.kind, o.title, o.summary ?? null, o.body ?? null, demoId('session', o.sessionKey), o.occurredAt, o.status,
            o.agreementType ?? null, o.signingOrder ?? null, o.value?.amount ?? null, o.value?.currency ?? null,
            o.value?.confidential ?? false, o.published,
          ],
        )) as unknown[];
        if (added.length === 0) continue;
        count += 1;
        for (const [index, party] of o.parties.entries()) {
          await manager.query(
            `INSERT INTO outcome_party (outcome_id, organisation_id, role, confidential, position) VALUES ($1, $2, $3, $4, $5)`,
            [id, demoId('organisation', party.organisationKey), party.role, party.confidential ?? false, index + 1],
          );
        }
        for (const person of o.people) {
          await manager.query(
            `INSERT INTO outcome_person (outcome_id, person_id, role, for_organisation_id, protocol_order) VALUES ($1, $2, $3, $4, $5)`,
            [id, demoId('person', person.personKey), person.role, person.forOrganisationKey ? demoId('organisation', person.forOrganisationKey) : null, person.protocolOrder],
          );
        }
        if (o.areas.length) await manager.query(`INSERT INTO outcome_area (outcome_id, area) SELECT $1, unnest($2::text[])`, [id, o.areas]);
      }
      if (count) await this.audit.record(manager, SYSTEM_CALLER, { action: 'demo.outcomes_seeded', entity: 'event', entityId: eventId, after: { outcomes: count } });
      return count;
    });
    this.logger.log({ inserted }, 'demo outcomes ready');
    return inserted;
  }
}
