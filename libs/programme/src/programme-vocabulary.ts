/** The closed vocabularies of the programme, shared by entities, DTOs, migrations and the demo data. */

export const EVENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const SESSION_KINDS = [
  'ceremony',
  'plenary',
  'forum',
  'dialogue_salon',
  'signing_ceremony',
  'unveiling_ceremony',
  'meeting',
  'side_event',
  'break',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_VISIBILITIES = ['public', 'invitation'] as const;
export type SessionVisibility = (typeof SESSION_VISIBILITIES)[number];

export const SESSION_ROLES = ['speaker', 'moderator', 'host', 'presenter', 'signatory', 'guest_of_honour', 'interpreter'] as const;
export type SessionRoleKind = (typeof SESSION_ROLES)[number];

export const ORGANISATION_TYPES = [
  'government_body',
  'business_association',
  'enterprise',
  'international_organisation',
  'industrial_park',
  'research_institute',
  'university',
  'media',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
