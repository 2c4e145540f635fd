import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { PinoNestLogger } from './pino-nest-logger.js';

const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

function setup(level = 'trace'): { nest: PinoNestLogger; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const nest = new PinoNestLogger(createLogger(level, stream));
  return { nest, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe(PinoNestLogger.name, () => {
  it('writes log() at info level with the message and its context', () => {
    const { nest, records } = setup();

    nest.log('msg', 'SomeContext');

    expect(records()).toEqual([expect.objectContaining({ level: LEVEL.info, msg: 'msg', context: 'SomeContext' })]);
  });

  it('writes a message without context as is', () => {
    const { nest, records } = setup();

    nest.log('plain');

    expect(records()[0]).toMatchObject({ level: LEVEL.info, msg: 'plain' });
    expect(records()[0]).not.toHaveProperty('context');
  });

  it('writes an Error as err with its message and stack', () => {
    const { nest, records } = setup();

    nest.error(new Error('boom'));

    const [line] = records();
    expect(line).toMatchObject({ level: LEVEL.error, msg: 'boom', err: { type: 'Error', message: 'boom' } });
    expect((line.err as { stack: string }).stack).toContain('Error: boom');
  });

  it("keeps the stack Nest passes as a string with error(message, stack, context)", () => {
    const { nest, records } = setup();

    nest.error('request failed', 'Error: boom\n    at handler (app.js:1:1)', 'ExceptionsHandler');

    expect(records()[0]).toMatchObject({
      level: LEVEL.error,
      msg: 'request failed',
      context: 'ExceptionsHandler',
      stack: 'Error: boom\n    at handler (app.js:1:1)',
    });
  });

  it('merges an object message into the line, where redaction applies', () => {
    const { nest, records } = setup();

    nest.warn({ userId: 'u1', password: 'hunter2-secret' }, 'login failed', 'AuthService');

    expect(records()[0]).toMatchObject({
      level: LEVEL.warn,
      msg: 'login failed',
      context: 'AuthService',
      userId: 'u1',
      password: '[redacted]',
    });
  });

  it.each(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication'])(
    'writes start-up chatter from %s at debug level, not info',
    (context) => {
      const { nest, records } = setup();

      nest.log('AppModule dependencies initialized', context);

      expect(records()).toEqual([expect.objectContaining({ level: LEVEL.debug, context })]);
    },
  );

  it('hides start-up chatter from an info-level logger but keeps other contexts', () => {
    const { nest, records } = setup('info');

    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('Listening on port 3000', 'Bootstrap');

    expect(records()).toEqual([expect.objectContaining({ msg: 'Listening on port 3000', context: 'Bootstrap' })]);
  });

  it('maps the other Nest methods to pino levels', () => {
    const { nest, records } = setup();

    nest.debug('d');
    nest.verbose('v');
    nest.fatal('f');

    expect(records().map((line) => [line.msg, line.level])).toEqual([
      ['d', LEVEL.debug],
      ['v', LEVEL.trace],
      ['f', LEVEL.fatal],
    ]);
  });
});
