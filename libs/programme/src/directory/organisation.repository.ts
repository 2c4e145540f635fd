import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';

/** An organisation as a list of parties names it. */
export interface OrganisationNameRow {
  id: string;
  name: Trilingual;
  country: string;
}

/** Programme's directory of organisations, read by the other domains. Plain rows, never entities. */
@Injectable()
export class OrganisationRepository {
  // Outcomes: the names and countries of these organisations, in the caller's transaction (or pass dataSource.manager).
  async namesOf(manager: EntityManager, organisationIds: readonly string[]): Promise<OrganisationNameRow[]> {
    if (organisationIds.length === 0) return [];
    return (await manager.query(`SELECT id, name, country FROM organisation WHERE id = ANY($1::uuid[])`, [organisationIds])) as OrganisationNameRow[];
  }
}
