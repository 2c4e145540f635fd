import type { Trilingual } from '#core/i18n/trilingual.js';
import type { ScheduleSnapshot, SnapshotSession } from './schedule-snapshot.js';

export interface SessionRef {
  sessionId: string;
  title: Trilingual;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  /** Consumers (notifications, agendas) must not tell the public about invitation-only sessions. */
  visibility: SnapshotSession['visibility'];
}

export interface ScheduleChanges {
  previousNumber: number | null;
  added: SessionRef[];
  /** In the previous release and no longer scheduled (cancelled, back to draft or removed). */
  cancelled: SessionRef[];
  moved: (SessionRef & { from: { startsAt: string; endsAt: string } })[];
  roomChanged: (SessionRef & { fromRoomId: string | null })[];
  retitled: (SessionRef & { fromTitle: Trilingual })[];
  /**
   * People joined or left the stage, or its speaking order changed. `order` is the stage before and after, in
   * protocol order, when the order of the people on it changed (null when only joiners and leavers did; absent in
   * releases published before issue 12).
   */
  speakersChanged: (SessionRef & { added: PersonRole[]; removed: PersonRole[]; order: { from: StagePlace[]; to: StagePlace[] } | null })[];
  visibilityChanged: (SessionRef & { fromVisibility: SnapshotSession['visibility'] })[];
}

export interface PersonRole {
  personId: string;
  role: string;
}

/** One person's place on a session's stage: protocol order 1 speaks (or stands) first. */
export interface StagePlace extends PersonRole {
  protocolOrder: number;
}

function ref(session: SnapshotSession): SessionRef {
  return {
    sessionId: session.id,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    roomId: session.roomId,
    visibility: session.visibility,
  };
}

function sameTitle(a: Trilingual, b: Trilingual): boolean {
  return (['zh', 'en', 'ru'] as const).every((language) => (a[language] ?? '') === (b[language] ?? ''));
}

/**
 * The people on stage, in protocol order (the snapshot's order: protocol order, then when they were added):
 * interpreters change without it being news to delegates.
 */
function stagePeople(session: SnapshotSession): Map<string, StagePlace> {
  return new Map(
    session.roles
      .filter((r) => r.role !== 'interpreter')
      .map((r) => [`${r.person.id}:${r.role}`, { personId: r.person.id, role: r.role, protocolOrder: r.protocolOrder }] as const),
  );
}

/**
 * Whether the people on stage both before and after now stand in another order, or at other places: a swap of
 * two protocol orders is news (who speaks first is protocol), though nobody joined or left.
 */
function reordered(before: Map<string, StagePlace>, after: Map<string, StagePlace>): boolean {
  const kept = (people: Map<string, StagePlace>, other: Map<string, StagePlace>) =>
    [...people].filter(([key]) => other.has(key)).map(([key, place]) => `${key}@${place.protocolOrder}`);
  const was = kept(before, after);
  const is = kept(after, before);
  return was.some((place, index) => place !== is[index]);
}

const personRole = ({ personId, role }: StagePlace): PersonRole => ({ personId, role });

function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}

/** How a release differs from the one before (`previous` null for the first release). */
export function diffSchedules(previous: ScheduleSnapshot | null, previousNumber: number | null, next: ScheduleSnapshot): ScheduleChanges {
  const before = new Map((previous?.sessions ?? []).map((s) => [s.id, s]));
  const after = new Map(next.sessions.map((s) => [s.id, s]));
  const changes: ScheduleChanges = {
    previousNumber,
    added: [],
    cancelled: [],
    moved: [],
    roomChanged: [],
    retitled: [],
    speakersChanged: [],
    visibilityChanged: [],
  };
  for (const [id, session] of after) {
    const old = before.get(id);
    if (!old) {
      changes.added.push(ref(session));
      continue;
    }
    if (!sameInstant(old.startsAt, session.startsAt) || !sameInstant(old.endsAt, session.endsAt)) {
      changes.moved.push({ ...ref(session), from: { startsAt: old.startsAt, endsAt: old.endsAt } });
    }
    if (old.roomId !== session.roomId) changes.roomChanged.push({ ...ref(session), fromRoomId: old.roomId });
    if (!sameTitle(old.title, session.title)) changes.retitled.push({ ...ref(session), fromTitle: old.title });
    const oldPeople = stagePeople(old);
    const newPeople = stagePeople(session);
    const added = [...newPeople].filter(([key]) => !oldPeople.has(key)).map(([, place]) => personRole(place));
    const removed = [...oldPeople].filter(([key]) => !newPeople.has(key)).map(([, place]) => personRole(place));
    const order = reordered(oldPeople, newPeople) ? { from: [...oldPeople.values()], to: [...newPeople.values()] } : null;
    if (added.length || removed.length || order) changes.speakersChanged.push({ ...ref(session), added, removed, order });
    if (old.visibility !== session.visibility) changes.visibilityChanged.push({ ...ref(session), fromVisibility: old.visibility });
  }
  for (const [id, session] of before) {
    if (!after.has(id)) changes.cancelled.push(ref(session));
  }
  return changes;
}

export function isEmptyChange(changes: ScheduleChanges): boolean {
  return (['added', 'cancelled', 'moved', 'roomChanged', 'retitled', 'speakersChanged', 'visibilityChanged'] as const).every(
    (k) => changes[k].length === 0,
  );
}
