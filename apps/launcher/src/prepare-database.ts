import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#core/config/app-config.js';
import { runMigrations } from '#core/database/run-migrations.js';
import { FirstAdminService } from '#identity/index.js';
import { BootstrapModule } from './bootstrap.module.js';

/** Applies pending migrations, then creates the first admin if there is no user. */
export async function prepareDatabase(config: AppConfig, print: (line: string) => void): Promise<void> {
  const applied = await runMigrations(config.databaseUrl);
  print(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');

  const context = await NestFactory.createApplicationContext(BootstrapModule.forRoot(config), { logger: ['error'] });
  try {
    const result = await context.get(FirstAdminService).ensure();
    if (result.created && result.generatedPassword) {
      // Printed once, on purpose, to the console only (never through the logger).
      print('');
      print('  First admin created. This password is shown only once:');
      print(`    email:    ${result.email}`);
      print(`    password: ${result.generatedPassword}`);
      print('  Log in with POST /api/auth/login and change it with PATCH /api/users/{id}.');
      print('');
    } else if (result.created) {
      print(`first admin created: ${result.email} (password from ADMIN_PASSWORD)`);
    }
  } finally {
    await context.close();
  }
}
