import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { requestContext } from './request-context.js';

/** A destination that keeps every line pino writes. */
function collector(): { stream: Writable; lines: string[]; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { stream, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe(createLogger.name, () => {
  it('writes JSON lines at or above its level only', () => {
    const out = collector();
    const logger = createLogger('warn', out.stream);

    logger.info('hidden');
    logger.warn('shown');

    expect(out.records()).toEqual([expect.objectContaining({ level: 40, msg: 'shown', pid: process.pid })]);
  });

  it('redacts passwords, tokens, emails and the authorization header', () => {
    const out = collector();
    const logger = createLogger('info', out.stream);

    logger.info(
      {
        password: 'p@ss',
        user: { email: 'a@b.c', password: 'x', name: 'Anna' },
        token: 't',
        refreshToken: 'r',
        req: { headers: { authorization: 'Bearer abc' } },
      },
      'signed in',
    );

    const output = out.lines.join('\n');
    expect(output).not.toContain('p@ss');
    expect(output).not.toContain('a@b.c');
    expect(output).not.toContain('Bearer abc');
    expect(output).toContain('[redacted]');
    expect(out.records()[0]).toMatchObject({
      password: '[redacted]',
      user: { email: '[redacted]', password: '[redacted]', name: 'Anna' },
      token: '[redacted]',
      refreshToken: '[redacted]',
      msg: 'signed in',
    });
  });

  it('logs a request as method and path, without query string or headers', () => {
    const out = collector();
    const logger = createLogger('info', out.stream);

    logger.info({ req: { id: 'r1', method: 'GET', url: '/calendar.ics?token=feed-secret', headers: { cookie: 'sid=1' } } });

    expect(out.records()[0].req).toEqual({ id: 'r1', method: 'GET', path: '/calendar.ics' });
    expect(out.lines.join('\n')).not.toMatch(/feed-secret|sid=1/);
  });

  it('adds the requestId inside a request context and not outside it', () => {
    const out = collector();
    const logger = createLogger('info', out.stream);

    requestContext.run({ requestId: 'req-1' }, () => logger.info('x'));
    logger.info('y');

    const [inside, outside] = out.records();
    expect(inside).toMatchObject({ msg: 'x', requestId: 'req-1' });
    expect(outside.msg).toBe('y');
    expect(outside).not.toHaveProperty('requestId');
  });

  it('keeps the requestId across awaits inside the context', async () => {
    const out = collector();
    const logger = createLogger('info', out.stream);

    await requestContext.run({ requestId: 'req-2' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info('after await');
    });

    expect(out.records()[0]).toMatchObject({ msg: 'after await', requestId: 'req-2' });
  });

  it('redacts sensitive keys at any depth, including password hashes', () => {
    const out = collector();
    const logger = createLogger('info', out.stream);

    logger.info({ deep: { a: { b: { password: 'deep-secret', passwordHash: '$argon2id$x', phone: '+86 532' } } }, list: [{ email: 'x@y.z' }] }, 'nested');

    const line = out.lines.join('\n');
    for (const secret of ['deep-secret', '$argon2id$x', '+86 532', 'x@y.z']) expect(line).not.toContain(secret);
    expect(out.records()[0]).toMatchObject({ deep: { a: { b: { password: '[redacted]' } } }, list: [{ email: '[redacted]' }] });
  });
});

describe('serializeError', () => {
  it('keeps the type, message, code and constraint of a database error, never its SQL, parameters or detail', () => {
    const out = collector();
    const logger = createLogger('info', out.stream);
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
      code: '23505',
      constraint: 'app_user_email_key',
      table: 'app_user',
      detail: 'Key (email)=(private.person@example.org) already exists.',
    });
    const queryFailed = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO app_user (email, password_hash) VALUES ($1, $2)',
      parameters: ['private.person@example.org', '$argon2id$v=19$secret'],
      driverError,
    });

    logger.error({ err: queryFailed }, 'request failed');

    const line = out.lines.join('\n');
    expect(line).not.toContain('private.person@example.org');
    expect(line).not.toContain('$argon2id$');
    expect(line).not.toContain('INSERT INTO');
    expect(out.records()[0]).toMatchObject({ err: { code: '23505', constraint: 'app_user_email_key', table: 'app_user' } });
  });
});
