import { AppError } from './app-error.js';
import { mapDatabaseError, registerConstraint } from './database-error-map.js';

/** Unique to this spec file: the registry is module-wide. */
const TEST_CONSTRAINT = 'spec_database_error_map_room_slot_excl';

describe(mapDatabaseError.name, () => {
  beforeAll(() => {
    registerConstraint(TEST_CONSTRAINT, { statusCode: 409, code: 'ROOM_CONFLICT', message: 'The room is already booked' });
  });

  it.each([
    ['23505', 409, 'UNIQUE_VIOLATION'],
    ['23P01', 409, 'EXCLUSION_VIOLATION'],
    ['23503', 409, 'FOREIGN_KEY_VIOLATION'],
    ['23514', 422, 'CHECK_VIOLATION'],
    ['23502', 422, 'NOT_NULL_VIOLATION'],
    ['22P02', 422, 'INVALID_VALUE'],
    ['40001', 409, 'CONCURRENT_UPDATE'],
  ])('maps SQLSTATE %s to %i %s', (sqlState, statusCode, code) => {
    const error = mapDatabaseError({ code: sqlState, constraint: 'some_key', table: 't' });

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ statusCode, code, details: { constraint: 'some_key', table: 't' } });
  });

  it('reads the pg error inside a TypeORM QueryFailedError', () => {
    const error = mapDatabaseError({
      message: 'duplicate key value violates unique constraint "users_email_key"',
      driverError: { code: '23505', constraint: 'users_email_key', table: 'users' },
    });

    expect(error).toMatchObject({
      statusCode: 409,
      code: 'UNIQUE_VIOLATION',
      details: { constraint: 'users_email_key', table: 'users' },
    });
  });

  it('includes the column when PostgreSQL names one, and only string details', () => {
    const error = mapDatabaseError({ code: '23502', column: 'title', table: 42 });

    expect(error?.details).toEqual({ column: 'title' });
  });

  it('prefers a registered constraint over the generic SQLSTATE mapping', () => {
    const error = mapDatabaseError({ driverError: { code: '23P01', constraint: TEST_CONSTRAINT, table: 'bookings' } });

    expect(error).toMatchObject({
      statusCode: 409,
      code: 'ROOM_CONFLICT',
      message: 'The room is already booked',
      details: { constraint: TEST_CONSTRAINT, table: 'bookings' },
    });
  });

  it('returns undefined for errors that are not data violations', () => {
    expect(mapDatabaseError({ code: '42P01', table: 'missing' })).toBeUndefined();
    expect(mapDatabaseError({ code: 23505 })).toBeUndefined();
    expect(mapDatabaseError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(mapDatabaseError(new Error('plain'))).toBeUndefined();
  });
});
