import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';

/** A person as a list of signatories, witnesses and unveilers names them. */
export interface PersonNameRow {
  id: string;
  nameNative: string;
  nameLatin: string;
  nameCyrillic: string | null;
  position: Trilingual | null;
}

/** Programme's directory of people, read by the other domains. Plain rows, never entities. */
@Injectable()
export class PersonRepository {
  // Outcomes: the names and positions of these people, in the caller's transaction (or pass dataSource.manager).
  async namesOf(manager: EntityManager, personIds: readonly string[]): Promise<PersonNameRow[]> {
    if (personIds.length === 0) return [];
    return (await manager.query(
      `SELECT id, name_native AS "nameNative", name_latin AS "nameLatin", name_cyrillic AS "nameCyrillic", position
         FROM person WHERE id = ANY($1::uuid[])`,
      [personIds],
    )) as PersonNameRow[];
  }
}
