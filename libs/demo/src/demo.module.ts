import { Module } from '@nestjs/common';
import { AuditModule } from '#core/audit/audit.module.js';
import { IdentityModule } from '#identity/index.js';
import { OutcomesModule } from '#outcomes/index.js';
import { ProgrammeModule } from '#programme/index.js';
import { RegistrationModule } from '#registration/index.js';
import { DemoDelegatesSeeder } from './demo-delegates-seeder.service.js';
import { DemoOutcomesSeeder } from './demo-outcomes-seeder.service.js';
import { DemoSeeder } from './demo-seeder.service.js';

const SEEDERS = [DemoSeeder, DemoDelegatesSeeder, DemoOutcomesSeeder];

/**
 * The 2025 demo edition (programme, delegates, outcomes) and its seeders. A client of every domain: it writes only
 * through their seed repositories and services, and no domain depends on it.
 */
@Module({
  imports: [AuditModule, IdentityModule, ProgrammeModule, RegistrationModule, OutcomesModule],
  providers: SEEDERS,
  exports: SEEDERS,
})
export class DemoModule {}
