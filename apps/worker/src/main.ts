import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '#core/config/app-config.js';
import { exitGracefullyOnSignal } from '#core/lifecycle/graceful-shutdown.js';
import { createLogger } from '#core/logging/logger.js';
import { PinoNestLogger } from '#core/logging/pino-nest-logger.js';

const config = loadConfigOrExit();
// Imported once the configuration is known to be valid: the processors read their lock settings when their
// module loads (BullMQ takes them at construction), and a bad value must end in the one-line error above.
const { WorkerModule } = await import('./worker.module.js');
const logger = createLogger(config.logLevel);
const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
  logger: new PinoNestLogger(logger),
});
exitGracefullyOnSignal(() => app.close(), config.shutdownTimeoutMs, logger);
await app.init();
logger.info({ queueBackend: config.queueBackend }, 'worker running');
