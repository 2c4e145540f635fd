import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { AppError, NotFoundError } from './app-error.js';
import { registerConstraint } from './database-error-map.js';
import { toErrorEnvelope } from './to-error-envelope.js';

/** Unique to this spec file: the registry is module-wide. */
const TEST_CONSTRAINT = 'spec_to_error_envelope_badge_number_key';

describe(toErrorEnvelope.name, () => {
  beforeAll(() => {
    registerConstraint(TEST_CONSTRAINT, { statusCode: 409, code: 'BADGE_NUMBER_TAKEN', message: 'The badge number is taken' });
  });

  describe('AppError', () => {
    it('keeps status, code, message, details and headers', () => {
      const error = new AppError(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Try again later', { retryInSeconds: 30 }, {
        'Retry-After': '30',
      });

      expect(toErrorEnvelope(error)).toEqual({
        envelope: { statusCode: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS', message: 'Try again later', details: { retryInSeconds: 30 } },
        unexpected: false,
        headers: { 'Retry-After': '30' },
      });
    });

    it('handles subclasses and flags 5xx as unexpected', () => {
      expect(toErrorEnvelope(new NotFoundError('Session')).envelope).toMatchObject({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'Session was not found',
      });
      expect(toErrorEnvelope(new AppError(503, 'QUEUE_DOWN', 'The queue is unavailable')).unexpected).toBe(true);
    });
  });

  describe('Nest HttpException', () => {
    it('maps NotFoundException to NOT_FOUND', () => {
      expect(toErrorEnvelope(new NotFoundException())).toEqual({
        envelope: { statusCode: 404, code: 'NOT_FOUND', message: 'Not Found' },
        unexpected: false,
      });
    });

    it('drops the query string of an unknown route from the message, so a mailed token is never echoed', () => {
      expect(toErrorEnvelope(new NotFoundException('Cannot GET /api/public/events/sco/registrations?invitationToken=s3cret&x=1')).envelope).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'Cannot GET /api/public/events/sco/registrations',
      });
      expect(toErrorEnvelope(new NotFoundException('Cannot POST /api/nowhere')).envelope.message).toBe('Cannot POST /api/nowhere');
    });

    it('keeps the message of BadRequestException', () => {
      expect(toErrorEnvelope(new BadRequestException('x')).envelope).toEqual({
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: 'x',
      });
    });

    it('joins an array of messages and honours a code in the response', () => {
      expect(toErrorEnvelope(new BadRequestException({ message: ['a is wrong', 'b is wrong'] })).envelope.message).toBe(
        'a is wrong; b is wrong',
      );
      expect(toErrorEnvelope(new ConflictException({ code: 'ALREADY_CHECKED_IN', message: 'Already in' })).envelope).toEqual({
        statusCode: 409,
        code: 'ALREADY_CHECKED_IN',
        message: 'Already in',
      });
    });

    it('uses HTTP_ERROR for a status without a code and flags 5xx as unexpected', () => {
      expect(toErrorEnvelope(new HttpException('I am a teapot', 418)).envelope).toEqual({
        statusCode: 418,
        code: 'HTTP_ERROR',
        message: 'I am a teapot',
      });
      expect(toErrorEnvelope(new InternalServerErrorException()).unexpected).toBe(true);
    });
  });

  describe('database errors', () => {
    it.each([
      ['23505', 409, 'UNIQUE_VIOLATION'],
      ['23P01', 409, 'EXCLUSION_VIOLATION'],
      ['23503', 409, 'FOREIGN_KEY_VIOLATION'],
      ['23514', 422, 'CHECK_VIOLATION'],
    ])('maps a pg error %s to %i %s, bare or wrapped by TypeORM', (sqlState, statusCode, code) => {
      const pgError = Object.assign(new Error('violation'), { code: sqlState, constraint: 'some_key', table: 't' });
      const queryFailed = Object.assign(new Error('query failed'), { driverError: pgError });
      const expected = {
        envelope: { statusCode, code, message: expect.any(String), details: { constraint: 'some_key', table: 't' } },
        unexpected: false,
      };

      expect(toErrorEnvelope(pgError)).toEqual(expected);
      expect(toErrorEnvelope(queryFailed)).toEqual(expected);
      expect(toErrorEnvelope(pgError).envelope.message).not.toBe('violation');
    });

    it('uses the code registered for a constraint', () => {
      const queryFailed = { driverError: { code: '23505', constraint: TEST_CONSTRAINT, table: 'registrations' } };

      expect(toErrorEnvelope(queryFailed).envelope).toEqual({
        statusCode: 409,
        code: 'BADGE_NUMBER_TAKEN',
        message: 'The badge number is taken',
        details: { constraint: TEST_CONSTRAINT, table: 'registrations' },
      });
    });
  });

  describe('Fastify request errors', () => {
    it('maps an invalid media type to 415 UNSUPPORTED_MEDIA_TYPE', () => {
      const error = { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'Unsupported Media Type: text/xml' };

      expect(toErrorEnvelope(error)).toEqual({
        envelope: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Media Type: text/xml' },
        unexpected: false,
      });
    });

    it('maps a body that is too large to 413 PAYLOAD_TOO_LARGE', () => {
      const error = { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large' };

      expect(toErrorEnvelope(error).envelope).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('maps a JSON SyntaxError with status 400 to MALFORMED_JSON', () => {
      const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { statusCode: 400 });

      expect(toErrorEnvelope(error)).toEqual({
        envelope: { statusCode: 400, code: 'MALFORMED_JSON', message: 'Unexpected token } in JSON at position 9' },
        unexpected: false,
      });
    });

    it('falls back to the status code for other 4xx errors', () => {
      expect(toErrorEnvelope({ statusCode: 405, code: 'FST_SOMETHING_ELSE' }).envelope).toEqual({
        statusCode: 405,
        code: 'METHOD_NOT_ALLOWED',
        message: 'The request could not be read',
      });
      expect(toErrorEnvelope({ statusCode: 431, message: 'Headers too large' }).envelope.code).toBe('BAD_REQUEST');
    });
  });

  describe('anything else', () => {
    it('becomes 500 INTERNAL_ERROR without leaking the original message', () => {
      const result = toErrorEnvelope(new Error('password authentication failed for user "postgres"'));

      expect(result).toEqual({
        envelope: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' },
        unexpected: true,
      });
      expect(JSON.stringify(result)).not.toContain('postgres');
    });

    it('treats a 5xx statusCode on a foreign error as unexpected too', () => {
      const result = toErrorEnvelope({ statusCode: 502, message: 'upstream said no' });

      expect(result.envelope.code).toBe('INTERNAL_ERROR');
      expect(result.unexpected).toBe(true);
    });

    it('copes with thrown non-errors such as strings', () => {
      expect(toErrorEnvelope('boom').envelope.code).toBe('INTERNAL_ERROR');
    });
  });

  it('answers 500 INTERNAL_ERROR when null or undefined is thrown', () => {
    for (const thrown of [null, undefined]) {
      expect(toErrorEnvelope(thrown)).toEqual({
        envelope: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' },
        unexpected: true,
      });
    }
  });
});

describe('toErrorEnvelope for an unreachable database', () => {
  it('answers 503 DATABASE_UNAVAILABLE with Retry-After when the pool cannot get a connection', () => {
    const result = toErrorEnvelope(new Error('timeout exceeded when trying to connect'));
    expect(result).toEqual({
      envelope: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: expect.any(String) },
      unexpected: false,
      headers: { 'retry-after': '2' },
    });
  });

  // What a request meets while PostgreSQL shuts down, restarts or is full (seen in the restart resilience test).
  it.each([
    ['a server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['too many connections (53300)', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a connection exception (class 08)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a query runner released with its dead connection', Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('answers 503 DATABASE_UNAVAILABLE for %s', (_what, error) => {
    expect(toErrorEnvelope(error).envelope).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it('still answers 500 for an error it does not know', () => {
    expect(toErrorEnvelope(Object.assign(new Error('boom'), { code: 'XX000' })).envelope.statusCode).toBe(500);
  });
});
