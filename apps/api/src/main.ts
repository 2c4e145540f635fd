import 'reflect-metadata';
import { loadConfigOrExit } from '#core/config/app-config.js';
import { exitGracefullyOnSignal } from '#core/lifecycle/graceful-shutdown.js';
import { closeApi, createApiApp } from './create-api-app.js';

const config = loadConfigOrExit();
const { app, logger } = await createApiApp(config);
exitGracefullyOnSignal(() => closeApi(app), config.shutdownTimeoutMs, logger);
await app.listen({ port: config.port, host: config.host });
logger.info({ port: config.port, queueBackend: config.queueBackend }, 'api listening');
