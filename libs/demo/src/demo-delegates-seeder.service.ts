import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { IdentitySeedRepository } from '#identity/index.js';
import { ProgrammeSeedRepository } from '#programme/index.js';
import { RegistrationSeedRepository } from '#registration/index.js';
import { demoId } from './demo-ids.js';
import { DEMO_EDITION_2025 } from './demo-edition-2025.data.js';
import { type DemoDelegate, DEMO_DELEGATES_2025 } from './demo-delegates-2025.data.js';

/** Demo delegates take seats in these sessions of the 2025 programme, by turns. */
const DEMO_SESSIONS = ['forum-logistics', 'forum-new-energy', 'forum-equipment', 'forum-digital-economy'];

/**
 * Forty fictitious delegates from the SCO countries of the 2025 report, in their
 * own scripts: accounts (no usable password: an admin sets one if a demo needs
 * it), approved registrations with badges, delegations, seats in the afternoon
 * forums, and an entrance check-in list. Idempotent like the programme seed.
 * Each domain writes its own rows (identity the accounts, programme organisations,
 * seats and the registration mode, registration the rest), in one transaction.
 */
@Injectable()
export class DemoDelegatesSeeder {
  private readonly logger = new Logger(DemoDelegatesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly identity: IdentitySeedRepository,
    private readonly programme: ProgrammeSeedRepository,
    private readonly registration: RegistrationSeedRepository,
  ) {}

  async seed(delegates: DemoDelegate[] = DEMO_DELEGATES_2025): Promise<number> {
    const eventId = demoId('event', DEMO_EDITION_2025.event.slug);
    const sessionIds = DEMO_SESSIONS.map((key) => demoId('session', key));
    const inserted = await this.dataSource.transaction(async (manager) => {
      let count = 0;
      for (const [index, d] of delegates.entries()) {
        const userId = demoId('user', d.key);
        const registrationId = demoId('registration', d.key);
        const added = await this.identity.addDelegateAccount(manager, {
          id: userId,
          email: d.email,
          displayName: d.nameNative,
          preferredLanguage: d.preferredLanguage,
        });
        if (!added) continue;
        count += 1;
        let organisationId = d.organisationKey ? demoId('organisation', d.organisationKey) : null;
        if (!organisationId && d.newOrganisation) {
          organisationId = demoId('organisation', `delegate-${d.newOrganisation.name}`);
          // ON CONFLICT DO NOTHING on any key, as before (ids derive from the name).
          await this.programme.insertIfAbsent(
            manager,
            'organisation',
            { id: organisationId, name: { en: d.newOrganisation.name }, country: d.country, type: d.newOrganisation.type },
            '',
          );
        }
        const delegationId = d.delegation ? await this.registration.delegationNamed(manager, eventId, d.delegation.name, d.country) : null;
        await this.registration.addApprovedRegistration(manager, {
          id: registrationId,
          eventId,
          userId,
          nameNative: d.nameNative,
          nameLatin: d.nameLatin,
          country: d.country,
          organisationId,
          position: d.position,
          category: d.category,
          delegationId,
          preferredLanguage: d.preferredLanguage,
          dietaryNeeds: d.dietaryNeeds ?? null,
          interpretationNeeds: d.interpretationNeeds,
          arrivalDate: d.arrivalDate,
          departureDate: d.departureDate,
          listedConsent: d.listedConsent,
          badgeToken: randomBytes(24).toString('base64url'),
        });
        if (d.delegation?.head && delegationId) await this.registration.headIfNone(manager, delegationId, registrationId);
        // Seats in one of the four parallel forums, through the same counter the API uses.
        const sessionId = sessionIds[index % sessionIds.length];
        const seated = await this.programme.takeSeat(manager, sessionId);
        await this.registration.addEnrolment(manager, sessionId, registrationId, seated ? 'enrolled' : 'waitlisted');
      }
      await this.registration.addCheckInList(manager, demoId('check-in-list', 'entrance'), eventId, { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' });
      if (count > 0) {
        await this.programme.setRegistrationMode(manager, eventId, 'approval');
        await this.audit.record(manager, SYSTEM_CALLER, { action: 'demo.delegates_seeded', entity: 'event', entityId: eventId, after: { delegates: count } });
      }
      return count;
    });
    this.logger.log({ inserted }, 'demo delegates ready');
    return inserted;
  }
}
