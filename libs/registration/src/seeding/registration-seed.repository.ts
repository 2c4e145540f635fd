import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { Language } from '#core/i18n/language.js';
import type { RegistrationCategory } from '../registration-vocabulary.js';

/** An approved registration as a seed gives it (consent version 1, given now; a fresh badge token). */
export interface SeedRegistration {
  id: string;
  eventId: string;
  userId: string;
  nameNative: string;
  nameLatin: string;
  country: string;
  organisationId: string | null;
  position: string;
  category: RegistrationCategory;
  delegationId: string | null;
  preferredLanguage: Language;
  dietaryNeeds: string | null;
  interpretationNeeds: Language[];
  arrivalDate: string;
  departureDate: string;
  listedConsent: boolean;
  badgeToken: string;
}

/** Writes for seeders (libs/demo): registrations and their surroundings, in the seeder's transaction. */
@Injectable()
export class RegistrationSeedRepository {
  /** The edition's delegation of that name, created when missing; its id. */
  async delegationNamed(manager: EntityManager, eventId: string, name: string, country: string): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO delegation (event_id, name, country) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [eventId, name, country],
    )) as { id: string }[];
    return row.id;
  }

  /** Adds an approved registration. */
  async addApprovedRegistration(manager: EntityManager, r: SeedRegistration): Promise<void> {
    await manager.query(
      `INSERT INTO registration (id, event_id, user_id, status, name_native, name_latin, country, organisation_id, position,
                                 category, delegation_id, preferred_language, dietary_needs, interpretation_needs,
                                 arrival_date, departure_date, consent_version, consent_at, listed_consent, badge_token)
       VALUES ($1, $2, $3, 'approved', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '1', now(), $16, $17)`,
      [
        r.id, r.eventId, r.userId, r.nameNative, r.nameLatin, r.country, r.organisationId, r.position, r.category, r.delegationId,
        r.preferredLanguage, r.dietaryNeeds, r.interpretationNeeds, r.arrivalDate, r.departureDate, r.listedConsent, r.badgeToken,
      ],
    );
  }

  /** Makes the registration the delegation's head, unless it has one. */
  async headIfNone(manager: EntityManager, delegationId: string, registrationId: string): Promise<void> {
    await manager.query(`UPDATE delegation SET head_registration_id = $2 WHERE id = $1 AND head_registration_id IS NULL`, [delegationId, registrationId]);
  }

  /** Records the registration's seat or waiting place in a session (the seat counter is the programme's). */
  async addEnrolment(manager: EntityManager, sessionId: string, registrationId: string, status: 'enrolled' | 'waitlisted'): Promise<void> {
    await manager.query(`INSERT INTO enrolment (session_id, registration_id, status) VALUES ($1, $2, $3)`, [sessionId, registrationId, status]);
  }

  /** Adds a check-in list unless its id is there. */
  async addCheckInList(manager: EntityManager, id: string, eventId: string, name: Trilingual): Promise<void> {
    await manager.query(`INSERT INTO check_in_list (id, event_id, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, eventId, name]);
  }
}
