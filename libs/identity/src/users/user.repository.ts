import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';

/** The account table as other domains may read and change it, always inside the caller's transaction. */
@Injectable()
export class UserRepository {
  /** The account's email as stored (undefined: no such account). */
  async emailOf(manager: EntityManager, userId: string): Promise<string | undefined> {
    const [row] = (await manager.query(`SELECT email FROM app_user WHERE id = $1`, [userId])) as { email: string }[];
    return row?.email;
  }

  /** The account's role (undefined: no such account). */
  async roleOf(manager: EntityManager, userId: string): Promise<string | undefined> {
    const [row] = (await manager.query(`SELECT role FROM app_user WHERE id = $1`, [userId])) as { role: string }[];
    return row?.role;
  }

  /** Messages go in the account's language: a registration's change of language is kept in step here. */
  async setPreferredLanguage(manager: EntityManager, userId: string, language: Language): Promise<void> {
    await manager.query(`UPDATE app_user SET preferred_language = $2 WHERE id = $1`, [userId, language]);
  }
}
