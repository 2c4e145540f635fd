import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import type { AppConfig } from '#core/config/app-config.js';
import { ConfigModule } from '#core/config/config.module.js';
import { DatabaseModule } from '#core/database/database.module.js';
import { OutboxRelayService } from '#core/outbox/outbox-relay.service.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { QueueModule } from '#core/queue/queue.module.js';
import { AgendaModule } from '#agenda/index.js';
import { LostDeliveryRecovery, MessagingModule } from '#messaging/index.js';
import { AgendasProcessor } from './agendas/agendas.processor.js';
import { OutcomeEventsProcessor, ProgrammeEventsProcessor, RegistrationEventsProcessor } from './notifications/domain-events.processor.js';
import { LostDeliveryRecoveryRunner } from './notifications/lost-delivery-recovery.runner.js';
import { NotificationsProcessor } from './notifications/notifications.processor.js';
import { OutboxRelayRunner } from './outbox/outbox-relay.runner.js';

const MAX_WORKER_POOL = 40;

/** The queue side: the outbox relay and one processor per queue. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        // A delivery holds its row lock (a connection) while the mail server answers; with one connection per
        // concurrent job plus a few spare, a slow server cannot starve the relay and the other queues. Capped,
        // so that a high WORKER_CONCURRENCY cannot take more of PostgreSQL's connections than a worker should.
        DatabaseModule.forRoot(config, { poolSize: Math.min(config.workerConcurrency + 6, MAX_WORKER_POOL) }),
        QueueModule.forRoot(config),
        AuditModule,
        ErasureModule,
        OutboxModule,
        MessagingModule,
        AgendaModule,
      ],
      providers: [OutboxRelayService, OutboxRelayRunner, LostDeliveryRecovery, LostDeliveryRecoveryRunner, NotificationsProcessor, RegistrationEventsProcessor, OutcomeEventsProcessor, ProgrammeEventsProcessor, AgendasProcessor],
    };
  }
}
