/**
 * Every message the product sends, with the placeholders its templates may use.
 * Templates live in libs/messaging/templates/<kind>.<language>.hbs, one per
 * message and language (zh, en, ru); a test checks that all exist and render.
 */
export const MESSAGE_PLACEHOLDERS = {
  welcome: ['displayName', 'loginUrl'],
  'registration-received': ['name', 'eventName'],
  'registration-approved': ['name', 'eventName', 'badgeUrl'],
  'registration-rejected': ['name', 'eventName', 'reason'],
  'registration-cancelled': ['name', 'eventName'],
  invitation: ['name', 'eventName', 'acceptUrl'],
  'enrolment-confirmed': ['name', 'sessionTitle', 'startsAt', 'room'],
  'enrolment-waitlisted': ['name', 'sessionTitle', 'startsAt', 'position'],
  'enrolment-promoted': ['name', 'sessionTitle', 'startsAt', 'room'],
  'enrolment-cancelled': ['name', 'sessionTitle', 'startsAt'],
  'session-moved': ['name', 'eventName', 'sessionTitle', 'startsAt', 'previousStartsAt', 'room'],
  'session-room-changed': ['name', 'eventName', 'sessionTitle', 'startsAt', 'room'],
  'session-reminder': ['name', 'sessionTitle', 'startsAt', 'room'],
  'agreement-signed': ['eventName', 'agreementTitle', 'parties', 'signedAt'],
} as const;

export type MessageKind = keyof typeof MESSAGE_PLACEHOLDERS;
export const MESSAGE_KINDS = Object.keys(MESSAGE_PLACEHOLDERS) as MessageKind[];
