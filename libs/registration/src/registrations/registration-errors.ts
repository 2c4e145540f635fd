import { AppError } from '#core/errors/app-error.js';
import { registerConstraint } from '#core/errors/database-error-map.js';
import { withArticle } from '#core/i18n/english-article.js';

registerConstraint('registration_once', { statusCode: 409, code: 'ALREADY_REGISTERED', message: 'This account is already registered for the event' });
registerConstraint('registration_stay_order', { statusCode: 422, code: 'STAY_DATES_ORDER', message: 'The departure must not be before the arrival' });
registerConstraint('invitation_email_key', { statusCode: 409, code: 'ALREADY_INVITED', message: 'This email is already invited to the event' });
registerConstraint('enrolment_once', { statusCode: 409, code: 'ALREADY_ENROLLED', message: 'You already hold or wait for a seat in this session' });
registerConstraint('enrolment_no_overlap', {
  statusCode: 409,
  code: 'DELEGATE_TIME_CONFLICT',
  message: 'A delegate would hold seats in two sessions at the same time',
});
registerConstraint('session_seats_within_capacity', {
  statusCode: 422,
  code: 'CAPACITY_BELOW_SEATS_TAKEN',
  message: 'More seats are already taken than this capacity; move delegates or keep a larger capacity',
});
registerConstraint('delegation_head_member_fkey', {
  statusCode: 422,
  code: 'DELEGATION_HEAD_NOT_MEMBER',
  message: 'The head of a delegation must be one of its members',
});
registerConstraint('check_in_list_session_key', { statusCode: 409, code: 'LIST_EXISTS', message: 'This session already has a check-in list' });

export class RegistrationError extends AppError {}

export const registrationClosed = (why: string) => new RegistrationError(409, 'REGISTRATION_CLOSED', why);
export const invitationOnly = () =>
  new RegistrationError(403, 'REGISTRATION_BY_INVITATION', 'Registration for this event is by invitation only');
export const invalidInvitation = () =>
  new RegistrationError(403, 'INVALID_INVITATION', 'The invitation is unknown, used, revoked or expired');
export const invitationForAnother = () =>
  new RegistrationError(403, 'INVITATION_EMAIL_MISMATCH', 'The invitation was sent to another email address');
export const outdatedConsent = (current: string) =>
  new RegistrationError(422, 'CONSENT_NOTICE_OUTDATED', `Consent must be given to the current notice (version ${current})`, {
    currentVersion: current,
  });
/**
 * "A pending …", "An approved …": the article before a word the message is built from. By the first letter, which
 * is right for the registration states (pending, approved, rejected, cancelled); a word that breaks the letter
 * rule (an "hour", a "user") would need its own entry.
 */
export const invalidTransition = (from: string, action: string) =>
  new RegistrationError(409, 'INVALID_TRANSITION', `${withArticle(from, true)} registration cannot be ${action}`, { status: from });

export const guestListInvalid = <T>(errors: T[]) =>
  new RegistrationError(422, 'GUEST_LIST_INVALID', `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the guest list; nothing was imported`, errors);

export const delegationCountryMismatch = (delegation: { id: string; name: string; country: string }, registrationCountry: string) =>
  new RegistrationError(
    409,
    'DELEGATION_COUNTRY_MISMATCH',
    `The delegation "${delegation.name}" is of ${delegation.country} and this registration of ${registrationCountry}; send delegation.confirmCountryMismatch: true to join it all the same`,
    { delegationId: delegation.id, delegationName: delegation.name, delegationCountry: delegation.country, registrationCountry },
  );
