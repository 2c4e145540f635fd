import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#core/config/app-config.js';
import { DemoDelegatesSeeder, DemoOutcomesSeeder, DemoSeeder } from '#demo/index.js';
import { BootstrapModule } from './bootstrap.module.js';

/** Loads the 2025 demo programme (idempotent); with `onlyIfEmpty`, only into a database without events. */
export async function seedDemo(config: AppConfig, print: (line: string) => void, options: { onlyIfEmpty: boolean }): Promise<void> {
  const context = await NestFactory.createApplicationContext(BootstrapModule.forRoot(config), { logger: ['error'] });
  try {
    const seeder = context.get(DemoSeeder);
    if (options.onlyIfEmpty && !(await seeder.isEmpty())) return;
    const result = await seeder.seed();
    const delegates = await context.get(DemoDelegatesSeeder).seed();
    const outcomes = await context.get(DemoOutcomesSeeder).seed();
    print(
      result.inserted
        ? `demo programme loaded: ${result.slug}, ${result.inserted} rows, release ${result.releaseNumber}, ${delegates} delegates, ${outcomes} outcomes — GET /api/public/events/${result.slug}/programme?lang=ru`
        : `demo programme already loaded: ${result.slug} (nothing changed)`,
    );
  } finally {
    await context.close();
  }
}
