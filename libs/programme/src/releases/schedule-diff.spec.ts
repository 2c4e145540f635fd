import { diffSchedules, isEmptyChange } from './schedule-diff.js';
import type { ScheduleSnapshot, SnapshotSession } from './schedule-snapshot.js';

function session(id: string, overrides: Partial<SnapshotSession> = {}): SnapshotSession {
  return {
    id,
    kind: 'forum',
    title: { zh: `论坛 ${id}`, en: `Forum ${id}`, ru: `Форум ${id}` },
    theme: null,
    description: null,
    startsAt: '2025-07-18T06:00:00.000Z',
    endsAt: '2025-07-18T08:00:00.000Z',
    roomId: 'room-1',
    trackId: null,
    capacity: null,
    languagesSpoken: ['zh'],
    languagesInterpreted: ['en', 'ru'],
    visibility: 'public',
    hosts: [],
    roles: [],
    ...overrides,
  };
}

function person(id: string) {
  return { id, nameNative: id, nameLatin: id, nameCyrillic: null, honorific: null, position: null, organisation: null, country: null };
}

function snapshot(sessions: SnapshotSession[]): ScheduleSnapshot {
  return {
    event: { id: 'e', slug: 'e', name: { en: 'E' }, city: { en: 'Qingdao' }, timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19', defaultLanguage: 'zh' },
    rooms: [],
    tracks: [],
    sessions,
  };
}

describe(diffSchedules.name, () => {
  it('reports every session of the first release as added', () => {
    const changes = diffSchedules(null, null, snapshot([session('a'), session('b')]));
    expect(changes.previousNumber).toBeNull();
    expect(changes.added.map((s) => s.sessionId)).toEqual(['a', 'b']);
    expect(changes.cancelled).toEqual([]);
  });

  it('finds added, cancelled, moved, re-roomed, retitled sessions and changed speakers', () => {
    const before = snapshot([
      session('kept'),
      session('gone'),
      session('moved'),
      session('rooms', { roomId: 'room-1' }),
      session('renamed'),
      session('people', { roles: [{ person: person('p1'), role: 'speaker', protocolOrder: 1 }, { person: person('i1'), role: 'interpreter', protocolOrder: 1 }] }),
    ]);
    const after = snapshot([
      session('kept'),
      session('new'),
      session('moved', { startsAt: '2025-07-18T07:00:00.000Z', endsAt: '2025-07-18T09:00:00.000Z' }),
      session('rooms', { roomId: 'room-2' }),
      session('renamed', { title: { zh: '新标题', en: 'New title', ru: 'Новое название' } }),
      session('people', { roles: [{ person: person('p2'), role: 'speaker', protocolOrder: 1 }, { person: person('i2'), role: 'interpreter', protocolOrder: 1 }] }),
    ]);
    const changes = diffSchedules(before, 3, after);
    expect(changes.previousNumber).toBe(3);
    expect(changes.added.map((s) => s.sessionId)).toEqual(['new']);
    expect(changes.cancelled.map((s) => s.sessionId)).toEqual(['gone']);
    expect(changes.moved).toEqual([expect.objectContaining({ sessionId: 'moved', from: { startsAt: '2025-07-18T06:00:00.000Z', endsAt: '2025-07-18T08:00:00.000Z' }, startsAt: '2025-07-18T07:00:00.000Z' })]);
    expect(changes.roomChanged).toEqual([expect.objectContaining({ sessionId: 'rooms', fromRoomId: 'room-1', roomId: 'room-2' })]);
    expect(changes.retitled).toEqual([expect.objectContaining({ sessionId: 'renamed', fromTitle: expect.objectContaining({ en: 'Forum renamed' }) })]);
    // Interpreters changing is not a change of speakers.
    expect(changes.speakersChanged).toEqual([
      expect.objectContaining({ sessionId: 'people', added: [{ personId: 'p2', role: 'speaker' }], removed: [{ personId: 'p1', role: 'speaker' }] }),
    ]);
  });

  it('reports a change of speaking order, with the stage before and after, though nobody joined or left', () => {
    const stage = (first: string, second: string) => [
      { person: person(first), role: 'speaker' as const, protocolOrder: 1 },
      { person: person(second), role: 'speaker' as const, protocolOrder: 2 },
      { person: person('i1'), role: 'interpreter' as const, protocolOrder: 1 },
    ];
    const changes = diffSchedules(snapshot([session('a', { roles: stage('p1', 'p2') })]), 1, snapshot([session('a', { roles: stage('p2', 'p1') })]));
    expect(changes.speakersChanged).toEqual([
      expect.objectContaining({
        sessionId: 'a',
        added: [],
        removed: [],
        order: {
          from: [{ personId: 'p1', role: 'speaker', protocolOrder: 1 }, { personId: 'p2', role: 'speaker', protocolOrder: 2 }],
          to: [{ personId: 'p2', role: 'speaker', protocolOrder: 1 }, { personId: 'p1', role: 'speaker', protocolOrder: 2 }],
        },
      }),
    ]);
    expect(isEmptyChange(changes)).toBe(false);
    // Someone joining at the end leaves the others' order alone: no `order`.
    const joined = diffSchedules(
      snapshot([session('a', { roles: stage('p1', 'p2').slice(0, 1) })]),
      1,
      snapshot([session('a', { roles: stage('p1', 'p2') })]),
    );
    expect(joined.speakersChanged).toEqual([expect.objectContaining({ added: [{ personId: 'p2', role: 'speaker' }], order: null })]);
    // A new protocol order for one person is a change even when the sequence stays.
    const renumbered = diffSchedules(
      snapshot([session('a', { roles: stage('p1', 'p2') })]),
      1,
      snapshot([session('a', { roles: stage('p1', 'p2').map((r) => (r.person.id === 'p2' ? { ...r, protocolOrder: 3 } : r)) })]),
    );
    expect(renumbered.speakersChanged[0].order?.to).toEqual([
      { personId: 'p1', role: 'speaker', protocolOrder: 1 },
      { personId: 'p2', role: 'speaker', protocolOrder: 3 },
    ]);
  });

  it('reports a session switched between public and invitation-only', () => {
    const changes = diffSchedules(snapshot([session('a')]), 1, snapshot([session('a', { visibility: 'invitation' })]));
    expect(changes.visibilityChanged).toEqual([expect.objectContaining({ sessionId: 'a', fromVisibility: 'public', visibility: 'invitation' })]);
    expect(isEmptyChange(changes)).toBe(false);
  });

  it('treats the same instant written differently as no move, and an identical schedule as no change', () => {
    const before = snapshot([session('a', { startsAt: '2025-07-18T14:00:00+08:00', endsAt: '2025-07-18T16:00:00+08:00' })]);
    const after = snapshot([session('a')]);
    const changes = diffSchedules(before, 1, after);
    expect(changes.moved).toEqual([]);
    expect(isEmptyChange(changes)).toBe(true);
    expect(isEmptyChange(diffSchedules(null, null, after))).toBe(false);
  });
});
