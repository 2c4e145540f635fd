import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import type { ScheduleSnapshot, SnapshotPerson } from '../releases/schedule-snapshot.js';
import type { PublicSessionDto, PublicTrackDto } from './public-programme.dto.js';

export interface RenderedProgramme {
  language: Language;
  event: { slug: string; name: string; city: string; timeZone: string; firstDay: string; lastDay: string };
  tracks: PublicTrackDto[];
  /** Public sessions only, in start order. */
  sessions: PublicSessionDto[];
}

/** The person's name in the script a reader of `language` expects, and whether it had to fall back. */
function displayName(person: SnapshotPerson, language: Language): { name: string; fellBack: boolean } {
  if (language === 'zh') return { name: person.nameNative, fellBack: false };
  if (language === 'ru') return { name: person.nameCyrillic ?? person.nameLatin, fellBack: !person.nameCyrillic };
  return { name: person.nameLatin, fellBack: false };
}

function localDay(instant: string, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/**
 * Renders a release in one language: done once per release and language, then served from memory.
 * `sessionIds` picks a delegate's own sessions instead of the public ones (an invitation-only meeting they
 * hold a seat in belongs on their personal agenda, never on the public one).
 */
export function renderProgramme(snapshot: ScheduleSnapshot, language: Language, sessionIds?: ReadonlySet<string>): RenderedProgramme {
  const fallback = snapshot.event.defaultLanguage;
  let fellBack = false;
  const text = (value: Trilingual | null | undefined): string | null => {
    const rendered = renderText(value, language, fallback);
    if (rendered?.fellBack) fellBack = true;
    return rendered?.text ?? null;
  };
  const rooms = new Map(snapshot.rooms.map((room) => [room.id, room]));
  const tracks = new Map(
    snapshot.tracks.map((track) => [track.id, { id: track.id, name: text(track.name) ?? '', colour: track.colour }]),
  );
  const personName = (person: SnapshotPerson): string => {
    const shown = displayName(person, language);
    if (shown.fellBack) fellBack = true;
    return shown.name;
  };
  const sessions = snapshot.sessions
    .filter((session) => (sessionIds ? sessionIds.has(session.id) : session.visibility === 'public'))
    .map((session): PublicSessionDto => {
      fellBack = false;
      const room = session.roomId ? rooms.get(session.roomId) : undefined;
      const rendered: PublicSessionDto = {
        id: session.id,
        kind: session.kind,
        title: text(session.title) ?? '',
        theme: text(session.theme),
        description: text(session.description),
        startsAt: new Date(session.startsAt).toISOString(),
        endsAt: new Date(session.endsAt).toISOString(),
        day: localDay(session.startsAt, snapshot.event.timeZone),
        room: room ? { id: room.id, name: text(room.name) ?? '', venue: { id: room.venue.id, name: text(room.venue.name) ?? '' } } : null,
        track: session.trackId ? (tracks.get(session.trackId) ?? null) : null,
        languagesSpoken: session.languagesSpoken,
        languagesInterpreted: session.languagesInterpreted,
        hosts: session.hosts.map((host) => ({ id: host.id, name: text(host.name) ?? '', country: host.country })),
        people: session.roles.map((entry) => ({
          id: entry.person.id,
          name: personName(entry.person),
          nameNative: entry.person.nameNative,
          honorific: text(entry.person.honorific),
          position: text(entry.person.position),
          organisation: entry.person.organisation
            ? { id: entry.person.organisation.id, name: text(entry.person.organisation.name) ?? '', country: entry.person.organisation.country }
            : null,
          role: entry.role,
          protocolOrder: entry.protocolOrder,
        })),
        fellBack: false,
      };
      rendered.fellBack = fellBack;
      return rendered;
    });
  return {
    language,
    event: {
      slug: snapshot.event.slug,
      name: text(snapshot.event.name) ?? snapshot.event.slug,
      city: text(snapshot.event.city) ?? '',
      timeZone: snapshot.event.timeZone,
      firstDay: snapshot.event.firstDay,
      lastDay: snapshot.event.lastDay,
    },
    // Only tracks that public sessions use: a track of invitation-only meetings is not public.
    tracks: [...tracks.values()].filter((track) => sessions.some((session) => session.track?.id === track.id)),
    sessions,
  };
}
