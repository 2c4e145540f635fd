import type { Logger } from 'pino';

/**
 * On SIGTERM or SIGINT: run `close` (drain HTTP, close the worker and the
 * database) and exit 0; if it has not finished within the bound, exit 1 so an
 * orchestrator never waits on a stuck process. Nest's own shutdown hooks re-raise
 * the signal (exit code 143), which is why this is done here.
 */
export function exitGracefullyOnSignal(close: () => Promise<void>, timeoutMs: number, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        logger.info('shut down cleanly');
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
