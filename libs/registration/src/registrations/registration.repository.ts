import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { RegistrationStatus } from '../registration-vocabulary.js';

/** Who a personal agenda is for: a registration that has not been anonymised. */
export interface AgendaOwnerRow {
  id: string;
  eventId: string;
  userId: string;
  status: RegistrationStatus;
  preferredLanguage: Language;
  nameNative: string;
}

/** Registration's registrations, read by the other domains. Plain rows, never entities. */
@Injectable()
export class RegistrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Agenda: whether the user's own registration stands (not anonymised), locked until the caller's transaction
  // ends, so that an erasure waits for (or is seen by) what the caller writes about it.
  async lockStanding(manager: EntityManager, registrationId: string, userId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT id FROM registration WHERE id = $1 AND user_id = $2 AND anonymised_at IS NULL FOR NO KEY UPDATE`,
      [registrationId, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  // Agenda: the owner of a personal agenda, unless the registration was anonymised.
  async agendaOwner(registrationId: string): Promise<AgendaOwnerRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, event_id AS "eventId", user_id AS "userId", status, preferred_language AS "preferredLanguage", name_native AS "nameNative"
         FROM registration WHERE id = $1 AND anonymised_at IS NULL`,
      [registrationId],
    )) as AgendaOwnerRow[];
    return row;
  }
}
