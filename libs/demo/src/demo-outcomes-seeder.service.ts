import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { OutcomesSeedRepository } from '#outcomes/index.js';
import { ProgrammeSeedRepository } from '#programme/index.js';
import { demoId } from './demo-ids.js';
import { DEMO_EDITION_2025 } from './demo-edition-2025.data.js';
import { DEMO_OUTCOMES_2025 } from './demo-outcomes-2025.data.js';
import type { DemoOutcomes } from './demo-outcomes.types.js';

/**
 * The outcomes of the 2025 edition from the seeds, each in its session; idempotent like the programme seed.
 * The organisations they need go into the programme's directory, the outcomes into the outcomes domain.
 */
@Injectable()
export class DemoOutcomesSeeder {
  private readonly logger = new Logger(DemoOutcomesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programme: ProgrammeSeedRepository,
    private readonly outcomes: OutcomesSeedRepository,
  ) {}

  async seed(data: DemoOutcomes = DEMO_OUTCOMES_2025): Promise<number> {
    const eventId = demoId('event', DEMO_EDITION_2025.event.slug);
    const inserted = await this.dataSource.transaction(async (manager) => {
      for (const o of data.organisations) {
        // ON CONFLICT DO NOTHING on any key, as before.
        await this.programme.insertIfAbsent(manager, 'organisation', { id: demoId('organisation', o.key), name: o.name, country: o.country, type: o.type }, '');
      }
      let count = 0;
      for (const o of data.outcomes) {
        const id = demoId('outcome', o.key);
        const added = await this.outcomes.addOutcome(manager, {
          id,
          eventId,
          kind: o.kind,
          title: o.title,
          summary: o.summary ?? null,
          body: o.body ?? null,
          sessionId: demoId('session', o.sessionKey),
          occurredAt: o.occurredAt,
          status: o.status,
          agreementType: o.agreementType ?? null,
          signingOrder: o.signingOrder ?? null,
          valueAmount: o.value?.amount ?? null,
          valueCurrency: o.value?.currency ?? null,
          valueConfidential: o.value?.confidential ?? false,
          approved: o.published,
        });
        if (!added) continue;
        count += 1;
        for (const [index, party] of o.parties.entries()) {
          await this.outcomes.addParty(manager, id, {
            organisationId: demoId('organisation', party.organisationKey),
            role: party.role,
            confidential: party.confidential ?? false,
            position: index + 1,
          });
        }
        for (const person of o.people) {
          await this.outcomes.addPerson(manager, id, {
            personId: demoId('person', person.personKey),
            role: person.role,
            forOrganisationId: person.forOrganisationKey ? demoId('organisation', person.forOrganisationKey) : null,
            protocolOrder: person.protocolOrder,
          });
        }
        await this.outcomes.addAreas(manager, id, o.areas);
      }
      if (count) await this.audit.record(manager, SYSTEM_CALLER, { action: 'demo.outcomes_seeded', entity: 'event', entityId: eventId, after: { outcomes: count } });
      return count;
    });
    this.logger.log({ inserted }, 'demo outcomes ready');
    return inserted;
  }
}
