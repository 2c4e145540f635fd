import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';

/** A delegate's account as a seed gives it: no usable password (an admin sets one if a demo needs it). */
export interface SeedDelegateAccount {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
}

/** Writes for seeders (libs/demo): idempotent accounts with ids chosen by the seed, in the seeder's transaction. */
@Injectable()
export class IdentitySeedRepository {
  /** Adds the delegate's account unless its id or email is taken; true when it was added. */
  async addDelegateAccount(manager: EntityManager, account: SeedDelegateAccount): Promise<boolean> {
    const added = (await manager.query(
      `INSERT INTO app_user (id, email, display_name, role, preferred_language, password_hash)
       VALUES ($1, $2, $3, 'delegate', $4, '!') ON CONFLICT DO NOTHING RETURNING id`,
      [account.id, account.email, account.displayName, account.preferredLanguage],
    )) as unknown[];
    return added.length > 0;
  }
}
