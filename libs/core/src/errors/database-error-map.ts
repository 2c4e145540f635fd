import { AppError } from './app-error.js';

/**
 * PostgreSQL reports a violated invariant with an SQLSTATE and the constraint's
 * name. Domains register friendly codes for their own constraints (e.g. a room's
 * exclusion constraint becomes ROOM_CONFLICT); anything unregistered still maps to
 * a generic 409/422 rather than a 500.
 */
export interface ConstraintMapping {
  statusCode: number;
  code: string;
  message: string;
}

const registry = new Map<string, ConstraintMapping>();

export function registerConstraint(constraint: string, mapping: ConstraintMapping): void {
  registry.set(constraint, mapping);
}

const BY_SQLSTATE: Record<string, ConstraintMapping> = {
  '23505': { statusCode: 409, code: 'UNIQUE_VIOLATION', message: 'A record with these values already exists' },
  '23P01': { statusCode: 409, code: 'EXCLUSION_VIOLATION', message: 'The change collides with an existing record' },
  '23503': { statusCode: 409, code: 'FOREIGN_KEY_VIOLATION', message: 'The change refers to a record that does not exist or is still referenced' },
  '23514': { statusCode: 422, code: 'CHECK_VIOLATION', message: 'The values break a rule of the data' },
  '23502': { statusCode: 422, code: 'NOT_NULL_VIOLATION', message: 'A required value is missing' },
  '22001': { statusCode: 422, code: 'VALUE_TOO_LONG', message: 'A value is longer than allowed' },
  '22003': { statusCode: 422, code: 'NUMBER_OUT_OF_RANGE', message: 'A number is out of range' },
  '22007': { statusCode: 422, code: 'INVALID_DATETIME', message: 'A date or time is invalid' },
  '22008': { statusCode: 422, code: 'INVALID_DATETIME', message: 'A date or time is out of range' },
  '22P02': { statusCode: 422, code: 'INVALID_VALUE', message: 'A value has the wrong format' },
  // PostgreSQL text cannot hold NUL (or bytes outside UTF-8): a client's input, not our fault.
  '22021': { statusCode: 422, code: 'INVALID_CHARACTERS', message: 'A text contains a character that cannot be stored (such as NUL)' },
  '22P05': { statusCode: 422, code: 'INVALID_CHARACTERS', message: 'A text contains a character that cannot be stored' },
  '40001': { statusCode: 409, code: 'CONCURRENT_UPDATE', message: 'The record changed concurrently; retry' },
  '40P01': { statusCode: 409, code: 'CONCURRENT_UPDATE', message: 'The record changed concurrently; retry' },
};

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
}

/** The name of the constraint a database error (raw or wrapped by TypeORM) is about, if any. */
export function constraintOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const driver = (error as { driverError?: PgErrorLike }).driverError ?? (error as PgErrorLike);
  return typeof driver?.constraint === 'string' ? driver.constraint : undefined;
}

/** Returns the AppError for a database error, or undefined when it is not a data violation. */
export function mapDatabaseError(error: unknown): AppError | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const candidate = (error as { driverError?: PgErrorLike }).driverError ?? (error as PgErrorLike);
  if (!candidate || typeof candidate.code !== 'string') return undefined;
  const constraint = typeof candidate.constraint === 'string' ? candidate.constraint : undefined;
  const mapping = (constraint && registry.get(constraint)) || BY_SQLSTATE[candidate.code];
  if (!mapping) return undefined;
  const details: Record<string, string> = {};
  if (constraint) details.constraint = constraint;
  if (typeof candidate.table === 'string') details.table = candidate.table;
  if (typeof candidate.column === 'string') details.column = candidate.column;
  return new AppError(mapping.statusCode, mapping.code, mapping.message, details);
}
