import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Lets Nest's Logger (used across the code base) write through the one pino instance. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    // Nest's start-up chatter (modules initialised, routes mapped) is debug, not info.
    const context = rest[rest.length - 1];
    const chatter = typeof context === 'string' && QUIET_CONTEXTS.has(context);
    this.write(chatter ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /**
   * Nest passes (message, ...optionalParams, context). An object message is merged
   * into the line (so redaction applies to it); a string stays the message.
   */
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      const text = params.find((p) => typeof p === 'string') as string | undefined;
      this.pino[level]({ ...fields, ...(message as object) }, text);
      return;
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
      return;
    }
    const stack = params.find((p) => typeof p === 'string' && p.includes('\n    at '));
    this.pino[level](stack ? { ...fields, stack } : fields, String(message));
  }
}
