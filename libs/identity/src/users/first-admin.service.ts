import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { SYSTEM_CALLER } from '#core/http/caller.js';
import { PasswordHasher } from './password-hasher.service.js';
import { Role } from './role.js';
import { UsersService } from './users.service.js';

export interface FirstAdminResult {
  created: boolean;
  email: string;
  /** Set only when the password was generated: the caller prints it once. */
  generatedPassword?: string;
}

const FIRST_ADMIN_LOCK = 7_020_250_002;

@Injectable()
export class FirstAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates the first admin when the product has no user yet; safe to run from several processes at once. */
  async ensure(): Promise<FirstAdminResult> {
    const generatedPassword = this.config.adminPassword ? undefined : randomBytes(18).toString('base64url');
    const passwordHash = await this.hasher.hash(this.config.adminPassword ?? generatedPassword!);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      const [row] = (await manager.query('SELECT count(*)::int AS n FROM app_user')) as { n: number }[];
      if (row.n > 0) return { created: false, email: this.config.adminEmail };
      await this.users.insert(manager, SYSTEM_CALLER, {
        email: this.config.adminEmail,
        displayName: 'Administrator',
        role: Role.Admin,
        preferredLanguage: 'en',
        passwordHash,
      });
      return { created: true, email: this.config.adminEmail, generatedPassword };
    });
  }
}
