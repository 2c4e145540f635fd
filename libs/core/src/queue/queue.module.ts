import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { defaultJobOptions, queueConnection } from './queue-connection.js';
import { QueueErrorLogger } from './queue-error-logger.js';
import { ALL_QUEUES } from './queue-names.js';

@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ ...queueConnection(config), defaultJobOptions: defaultJobOptions(config) } as never),
        queues,
      ],
      providers: [QueueErrorLogger],
      exports: [queues],
    };
  }
}
