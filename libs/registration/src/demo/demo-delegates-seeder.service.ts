import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { demoId } from '#programme/demo/demo-ids.js';
import { DEMO_EDITION_2025 } from '#programme/demo/demo-edition-2025.data.js';
import { type DemoDelegate, DEMO_DELEGATES_2025 } from './demo-delegates-2025.data.js';

/** Demo delegates take seats in these sessions of the 2025 programme, by turns. */
const DEMO_SESSIONS = ['forum-logistics', 'forum-new-energy', 'forum-equipment', 'forum-digital-economy'];

/**
 * Forty fictitious delegates from the SCO countries of the 2025 report, in their
 * own scripts: accounts (no usable password: an admin sets one if a demo needs
 * it), approved registrations with badges, delegations, seats in the afternoon
 * forums, and an entrance check-in list. Idempotent like the programme seed.
 */
@Injectable()
export class DemoDelegatesSeeder {
  private readonly logger = new Logger(DemoDelegatesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seed(delegates: DemoDelegate[] = DEMO_DELEGATES_2025): Promise<number> {
    const eventId = demoId('event', DEMO_EDITION_2025.event.slug);
    const sessionIds = DEMO_SESSIONS.map((key) => demoId('session', key));
    const inserted = await this.dataSource.transaction(async (manager) => {
      let count = 0;
      for (const [index, d] of delegates.entries()) {
        const userId = demoId('user', d.key);
        const registrationId = demoId('registration', d.key);
        const added = (await manager.query(
          `INSERT INTO app_user (id, email, display_name, role, preferred_language, password_hash)
           VALUES ($1, $2, $3, 'delegate', $4, '!') ON CONFLICT DO NOTHING RETURNING id`,
          [userId, d.email, d.nameNative, d.preferredLanguage],
        )) as unknown[];
        if (added.length === 0) continue;
        count += 1;
        let organisationId = d.organisationKey ? demoId('organisation', d.organisationKey) : null;
        if (!organisationId && d.newOrganisation) {
          organisationId = demoId('organisation', `delegate-${d.newOrganisation.name}`);
          await manager.query(
            `INSERT INTO organisation (id, name, country, type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [organisationId, { en: d.newOrganisation.name }, d.country, d.newOrganisation.type],
          );
        }
        let delegationId: string | null = null;
        if (d.delegation) {
          const [row] = (await manager.query(
            `INSERT INTO delegation (event_id, name, country) VALUES ($1, $2, $3)
             ON CONFLICT (event_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
            [eventId, d.delegation.name, d.country],
          )) as { id: string }[];
          delegationId = row.id;
        }
        await manager.query(
          `INSERT INTO registration (id, event_id, user_id, status, name_native, name_latin, country, organisation_id, position,
                                     category, delegation_id, preferred_language, dietary_needs, interpretation_needs,
                                     arrival_date, departure_date, consent_version, consent_at, listed_consent, badge_token)
           VALUES ($1, $2, $3, 'approved', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '1', now(), $16, $17)`,
          [
            registrationId, eventId, userId, d.nameNative, d.nameLatin, d.country, organisationId, d.position, d.category, delegationId,
            d.preferredLanguage, d.dietaryNeeds ?? null, d.interpretationNeeds, d.arrivalDate, d.departureDate, d.listedConsent,
            randomBytes(24).toString('base64url'),
          ],
        );
        if (d.delegation?.head) {
          await manager.query(`UPDATE delegation SET head_registration_id = $2 WHERE id = $1 AND head_registration_id IS NULL`, [delegationId, registrationId]);
        }
        // Seats in one of the four parallel forums, through the same counter the API uses.
        const sessionId = sessionIds[index % sessionIds.length];
        const [seat] = (await manager.query(
          `UPDATE session s SET seats_taken = seats_taken + 1 FROM room r
            WHERE s.id = $1 AND r.id = s.room_id AND s.seats_taken < coalesce(s.capacity, r.capacity) RETURNING s.id`,
          [sessionId],
        )) as unknown[];
        await manager.query(`INSERT INTO enrolment (session_id, registration_id, status) VALUES ($1, $2, $3)`, [
          sessionId,
          registrationId,
          seat ? 'enrolled' : 'waitlisted',
        ]);
      }
      await manager.query(
        `INSERT INTO check_in_list (id, event_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [demoId('check-in-list', 'entrance'), eventId, { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' }],
      );
      if (count > 0) {
        await manager.query(`UPDATE event SET registration_mode = 'approval' WHERE id = $1`, [eventId]);
        await this.audit.record(manager, SYSTEM_CALLER, { action: 'demo.delegates_seeded', entity: 'event', entityId: eventId, after: { delegates: count } });
      }
      return count;
    });
    this.logger.log({ inserted }, 'demo delegates ready');
    return inserted;
  }
}
