import { registerConstraint } from '#core/errors/database-error-map.js';

/**
 * Friendly codes for the programme's database rules. The room and person overlap
 * rules get their details (the colliding session) from the sessions service.
 */
const RULES: [string, number, string, string][] = [
  ['event_slug_key', 409, 'SLUG_TAKEN', 'Another event already uses this slug'],
  ['event_days_order', 422, 'EVENT_DAYS_ORDER', 'The last day must not be before the first day'],
  [
    'event_consent_notice_versioned',
    422,
    'CONSENT_NOTICE_NEEDS_NEW_VERSION',
    'A changed consent notice needs a new consentNoticeVersion: registrations consented to the text of theirs',
  ],
  ['room_venue_fkey', 422, 'VENUE_NOT_IN_EVENT', 'The venue does not belong to this event'],
  ['session_room_fkey', 422, 'ROOM_NOT_IN_EVENT', 'The room does not belong to this event'],
  ['session_track_fkey', 422, 'TRACK_NOT_IN_EVENT', 'The track does not belong to this event'],
  ['session_ends_after_start', 422, 'SESSION_ENDS_BEFORE_START', 'A session must end after it starts'],
  ['session_within_event_days', 422, 'OUTSIDE_EVENT_DAYS', "A session must lie within the event's days"],
  ['session_capacity_fits_room', 422, 'CAPACITY_EXCEEDS_ROOM', "The capacity exceeds the room's seats; give a reason to override"],
  ['session_interpretation_in_room', 422, 'INTERPRETATION_NOT_AVAILABLE', 'Interpretation is promised in a language the room does not offer'],
  ['session_room_no_overlap', 409, 'ROOM_CONFLICT', 'Another scheduled session uses this room at that time'],
  ['session_role_person_no_overlap', 409, 'PERSON_CONFLICT', 'This person is expected in another session at that time'],
  ['session_role_once', 409, 'ROLE_ALREADY_HELD', 'This person already has this role in the session'],
  ['session_role_person_id_fkey', 422, 'PERSON_NOT_FOUND', 'The person does not exist'],
  ['session_host_organisation_id_fkey', 422, 'ORGANISATION_NOT_FOUND', 'A host organisation does not exist'],
  ['person_organisation_id_fkey', 422, 'ORGANISATION_NOT_FOUND', 'The organisation does not exist'],
  ['schedule_release_number_key', 409, 'RELEASE_CONFLICT', 'Another release was published at the same moment; retry'],
  ['schedule_release_immutable', 409, 'RELEASE_IMMUTABLE', 'A published release cannot be changed'],
];

for (const [constraint, statusCode, code, message] of RULES) registerConstraint(constraint, { statusCode, code, message });
