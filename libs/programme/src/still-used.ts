import { AppError } from '#core/errors/app-error.js';

/**
 * A venue, room or track still used is not deleted. Checked before the delete so the refusal names what holds it
 * (the foreign keys stay the backstop, but their registered codes speak of creating: VENUE_NOT_IN_EVENT…); the code
 * is the database's own generic one, FOREIGN_KEY_VIOLATION, with the count of what still refers to it.
 */
export function refuseWhileUsed(what: string, usedBy: string, count: number): void {
  if (count > 0) throw new AppError(409, 'FOREIGN_KEY_VIOLATION', `The ${what} is still used by ${count} ${usedBy}`, { [usedBy]: count });
}
