import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import type { AppConfig } from '#core/config/app-config.js';
import { ConfigModule } from '#core/config/config.module.js';
import { DatabaseModule } from '#core/database/database.module.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { IdentityModule } from '#identity/index.js';
import { ProgrammeModule } from '#programme/index.js';
import { RegistrationModule } from '#registration/index.js';
import { OutcomesModule } from '#outcomes/index.js';
import { DemoModule } from '#demo/index.js';

/** Just enough of the product to create the first admin and load the demo programme after migrating. */
@Module({})
export class BootstrapModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BootstrapModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config), AuditModule, ErasureModule, OutboxModule, IdentityModule, ProgrammeModule, RegistrationModule, OutcomesModule, DemoModule],
    };
  }
}
