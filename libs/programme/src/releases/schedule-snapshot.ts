import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { SessionKind, SessionRoleKind, SessionVisibility } from '../programme-vocabulary.js';

/**
 * What a release freezes: the event, its rooms and tracks, and every scheduled
 * session with its people and hosts, denormalised so that reading a release never
 * joins live tables that organisers keep editing.
 */
export interface SnapshotOrganisation {
  id: string;
  name: Trilingual;
  country: string;
}

export interface SnapshotPerson {
  id: string;
  nameNative: string;
  nameLatin: string;
  nameCyrillic: string | null;
  honorific: Trilingual | null;
  position: Trilingual | null;
  organisation: SnapshotOrganisation | null;
  country: string | null;
}

export interface SnapshotRoom {
  id: string;
  name: Trilingual;
  venue: { id: string; name: Trilingual };
  capacity: number;
  interpretationChannels: Language[];
}

export interface SnapshotTrack {
  id: string;
  name: Trilingual;
  colour: string;
  position: number;
}

export interface SnapshotSession {
  id: string;
  kind: SessionKind;
  title: Trilingual;
  theme: Trilingual | null;
  description: Trilingual | null;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  trackId: string | null;
  capacity: number | null;
  languagesSpoken: Language[];
  languagesInterpreted: Language[];
  visibility: SessionVisibility;
  hosts: SnapshotOrganisation[];
  roles: { person: SnapshotPerson; role: SessionRoleKind; protocolOrder: number }[];
}

export interface ScheduleSnapshot {
  event: {
    id: string;
    slug: string;
    name: Trilingual;
    city: Trilingual;
    timeZone: string;
    firstDay: string;
    lastDay: string;
    defaultLanguage: Language;
  };
  rooms: SnapshotRoom[];
  tracks: SnapshotTrack[];
  /** Scheduled sessions only, by start time. */
  sessions: SnapshotSession[];
  /**
   * Sessions an earlier release published that are cancelled now, by start time: only calendars show them (as
   * cancelled). Absent in releases made before it was kept.
   */
  cancelledSessions?: SnapshotSession[];
}
