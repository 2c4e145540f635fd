import type { Language } from '#core/i18n/language.js';
import type { OrganisationType, SessionKind, SessionRoleKind, SessionVisibility } from '#programme/index.js';

/** Every demo text exists in all three languages. */
export interface DemoText {
  zh: string;
  en: string;
  ru: string;
}

/** Keys are stable, human-readable identifiers; the seeder derives the database ids from them (idempotent). */
export interface DemoOrganisation {
  key: string;
  name: DemoText;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  type: OrganisationType;
}

export interface DemoPerson {
  key: string;
  /** The name in the person's own script (e.g. 李刚). */
  nameNative: string;
  nameLatin: string;
  nameCyrillic: string;
  honorific?: DemoText;
  position: DemoText;
  organisationKey?: string;
  country: string;
}

export interface DemoRoom {
  key: string;
  name: DemoText;
  capacity: number;
  interpretationChannels: Language[];
  /** What in this record is not in the seed documents and was chosen. */
  assumed?: string;
}

export interface DemoVenue {
  key: string;
  name: DemoText;
  address?: DemoText;
  rooms: DemoRoom[];
  assumed?: string;
}

export interface DemoTrack {
  key: string;
  name: DemoText;
  /** #rrggbb */
  colour: string;
  position: number;
}

export interface DemoSessionRole {
  personKey: string;
  role: SessionRoleKind;
  /** 1 speaks or stands first. */
  protocolOrder: number;
}

export interface DemoSession {
  key: string;
  kind: SessionKind;
  title: DemoText;
  theme?: DemoText;
  description?: DemoText;
  /** ISO 8601 with the Qingdao offset, e.g. 2025-07-18T09:00:00+08:00 */
  startsAt: string;
  endsAt: string;
  roomKey: string;
  trackKey?: string;
  capacity?: number;
  hostOrganisationKeys: string[];
  languagesSpoken: Language[];
  languagesInterpreted: Language[];
  visibility: SessionVisibility;
  roles: DemoSessionRole[];
  assumed?: string;
}

export interface DemoEvent {
  slug: string;
  name: DemoText;
  city: DemoText;
  timeZone: string;
  /** YYYY-MM-DD, local days of the event. */
  firstDay: string;
  lastDay: string;
  defaultLanguage: Language;
  /** The data-processing notice of version '1' (the default), shown before registering. */
  consentNotice: DemoText;
  venues: DemoVenue[];
  tracks: DemoTrack[];
  sessions: DemoSession[];
}

export interface DemoEdition {
  organisations: DemoOrganisation[];
  people: DemoPerson[];
  event: DemoEvent;
}
