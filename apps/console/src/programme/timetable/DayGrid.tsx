import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../../api/client';
import { pickText } from '../../shared/trilingual';
import { minutesOfDay } from '../zoned-time';
import type { Room, Session, Track } from '../programmeApi';
import { DEFAULT_FROM, DEFAULT_TO, PX_PER_MINUTE, SNAP_MINUTES, clamp, drawnRange, formatMinutes, minuteAt, snap } from './gridGeometry';
import { SessionBlock } from './SessionBlock';
import { RefusalAlert } from './RefusalAlert';

/** Where a session sits on the grid: its room and its minutes of the event day. */
export interface Placement {
  roomId: string;
  start: number;
  end: number;
}

type Drag =
  | { kind: 'create'; roomId: string; anchor: number; current: number }
  | { kind: 'move' | 'resize'; session: Session; from: Placement; x: number; y: number; to: Placement; moved: boolean };

/** Pixels a pointer must travel before a press on a block is a drag rather than a click (which opens it). */
const DRAG_THRESHOLD = 4;

/**
 * One event day: rooms as columns, the event's wall-clock time as rows. Drawing on an empty slot proposes a new
 * session, dragging a block moves it (room and/or time), dragging its bottom edge resizes it; every drop snaps to
 * SNAP_MINUTES. A drop is shown at once and sent to the api; a refusal puts the block back and says why beside it.
 */
export function DayGrid({ zone, rooms, tracks, sessions, isUnreleased, onCreate, onOpen, onPlace }: {
  zone: string;
  rooms: Room[];
  tracks: Track[];
  sessions: Session[];
  isUnreleased: (session: Session) => boolean;
  onCreate: (placement: Placement) => void;
  onOpen: (session: Session) => void;
  /** Sends a new placement to the api; resolves to the refusal, if any (the api's answer is in `sessions` on success). */
  onPlace: (session: Session, placement: Placement) => Promise<ErrorEnvelope | undefined>;
}) {
  const { t, i18n } = useTranslation('programme');
  const [drag, setDrag] = useState<Drag>();
  const [pending, setPending] = useState<Record<string, Placement>>({});
  const [refusal, setRefusal] = useState<{ sessionId: string; envelope: ErrorEnvelope }>();
  const dragRef = useRef<Drag>(undefined);
  dragRef.current = drag;

  // Where the api has each session, worked out once per answer: the event-zone conversion costs a date formatter call
  // per session, and a drag renders the grid on every pointer move.
  const stored = useMemo(
    () =>
      sessions
        .filter((session) => session.roomId && rooms.some((room) => room.id === session.roomId))
        .map((session) => {
          const start = minutesOfDay(session.startsAt, zone);
          return { session, placement: { roomId: session.roomId!, start, end: start + Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000) } };
        }),
    [sessions, rooms, zone],
  );
  const placed = stored.map((entry) => (pending[entry.session.id] ? { ...entry, placement: pending[entry.session.id] } : entry));
  // The shown hours: the default working day, stretched to whatever the day's sessions need.
  const from = Math.min(DEFAULT_FROM, ...placed.map((entry) => Math.floor(entry.placement.start / 60) * 60));
  const to = Math.max(DEFAULT_TO, ...placed.map((entry) => Math.ceil(entry.placement.end / 60) * 60));
  const height = (to - from) * PX_PER_MINUTE;

  const columnAt = (x: number, y: number): HTMLElement | undefined =>
    document.elementsFromPoint(x, y).find((element): element is HTMLElement => element instanceof HTMLElement && element.dataset.roomColumn !== undefined);

  useEffect(() => {
    if (!drag) return;
    const move = (event: PointerEvent) => {
      const current = dragRef.current;
      if (!current) return;
      if (current.kind === 'create') {
        const column = document.querySelector<HTMLElement>(`[data-room-column="${current.roomId}"]`);
        if (column) setDrag({ ...current, current: minuteAt(event.clientY - column.getBoundingClientRect().top, from, to) });
        return;
      }
      const moved = current.moved || Math.hypot(event.clientX - current.x, event.clientY - current.y) > DRAG_THRESHOLD;
      const delta = snap((event.clientY - current.y) / PX_PER_MINUTE);
      const length = current.from.end - current.from.start;
      if (current.kind === 'resize') {
        const end = clamp(current.from.end + delta, current.from.start + SNAP_MINUTES, to);
        setDrag({ ...current, moved, to: { ...current.from, end } });
      } else {
        const start = clamp(current.from.start + delta, from, to - length);
        const roomId = columnAt(event.clientX, event.clientY)?.dataset.roomColumn ?? current.to.roomId;
        setDrag({ ...current, moved, to: { roomId, start, end: start + length } });
      }
    };
    const up = () => {
      const current = dragRef.current;
      setDrag(undefined);
      if (!current) return;
      if (current.kind === 'create') {
        onCreate({ roomId: current.roomId, ...drawnRange(current.anchor, current.current) });
        return;
      }
      const same = current.to.roomId === current.from.roomId && current.to.start === current.from.start && current.to.end === current.from.end;
      if (!current.moved || same) {
        if (!current.moved) onOpen(current.session);
        return;
      }
      void place(current.session, current.to);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up, { once: true });
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    // Listeners are bound once per drag; they read the drag's latest state through dragRef.
  }, [drag !== undefined]);

  const place = async (session: Session, placement: Placement) => {
    setRefusal(undefined);
    setPending((all) => ({ ...all, [session.id]: placement }));
    const refused = await onPlace(session, placement);
    // Refused: the block goes back where the api still has it. Accepted: `sessions` holds the api's answer, so its
    // placement replaces the optimistic one.
    setPending(({ [session.id]: _, ...rest }) => rest);
    if (refused) setRefusal({ sessionId: session.id, envelope: refused });
  };

  const startCreate = (roomId: string, event: React.PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || event.target !== event.currentTarget) return;
    event.preventDefault();
    const minute = minuteAt(event.clientY - event.currentTarget.getBoundingClientRect().top, from, to);
    setDrag({ kind: 'create', roomId, anchor: minute, current: minute });
  };

  // Stable callbacks for the memoised blocks: state setters only, and the parent's onOpen through a ref (the parent
  // passes a new closure each render).
  const startDrag = useCallback((kind: 'move' | 'resize', session: Session, placement: Placement, event: React.PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    setRefusal(undefined);
    setDrag({ kind, session, from: placement, to: placement, x: event.clientX, y: event.clientY, moved: false });
  }, []);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const open = useCallback((session: Session) => onOpenRef.current(session), []);

  const hours: number[] = [];
  for (let minute = from; minute < to; minute += 60) hours.push(minute);
  const trackOf = (session: Session) => tracks.find((track) => track.id === session.trackId);

  return (
    <div className="tt-grid" data-testid="timetable-grid" style={{ gridTemplateColumns: `56px repeat(${rooms.length}, minmax(180px, 1fr))` }}>
      <div className="tt-corner" />
      {rooms.map((room) => (
        <div key={room.id} className="tt-room-head">
          {pickText(room.name, i18n.language)}
        </div>
      ))}
      <div className="tt-hours" style={{ height }} aria-hidden>
        {hours.map((minute) => (
          <div key={minute} className="tt-hour" style={{ top: (minute - from) * PX_PER_MINUTE }}>
            {formatMinutes(minute)}
          </div>
        ))}
      </div>
      {rooms.map((room) => (
        <div
          key={room.id}
          className="tt-column"
          data-room-column={room.id}
          data-testid={`room-column-${room.id}`}
          style={{ height, backgroundSize: `100% ${60 * PX_PER_MINUTE}px`, backgroundPositionY: `${(60 - (from % 60)) * PX_PER_MINUTE}px` }}
          onPointerDown={(event) => startCreate(room.id, event)}
          title={t('grid.drawHint')}
        >
          {placed
            .filter((entry) => entry.placement.roomId === room.id)
            .map(({ session, placement }) => {
              const dragging = drag && drag.kind !== 'create' && drag.session.id === session.id && drag.moved;
              return (
                <SessionBlock
                  key={session.id}
                  session={session}
                  track={trackOf(session)}
                  roomId={placement.roomId}
                  start={placement.start}
                  end={placement.end}
                  top={(placement.start - from) * PX_PER_MINUTE}
                  unreleased={isUnreleased(session)}
                  faded={Boolean(dragging)}
                  pending={Boolean(pending[session.id])}
                  onDragStart={startDrag}
                  onOpen={open}
                />
              );
            })}
          {drag && drag.kind !== 'create' && drag.moved && drag.to.roomId === room.id && (
            <div className="tt-ghost" data-testid="drag-ghost" style={{ top: (drag.to.start - from) * PX_PER_MINUTE, height: (drag.to.end - drag.to.start) * PX_PER_MINUTE }}>
              {formatMinutes(drag.to.start)}–{formatMinutes(drag.to.end)}
            </div>
          )}
          {drag?.kind === 'create' && drag.roomId === room.id && (
            <div
              className="tt-ghost"
              data-testid="create-ghost"
              style={{ top: (Math.min(drag.anchor, drag.current) - from) * PX_PER_MINUTE, height: Math.max(SNAP_MINUTES, Math.abs(drag.current - drag.anchor)) * PX_PER_MINUTE }}
            >
              {formatMinutes(Math.min(drag.anchor, drag.current))}–{formatMinutes(Math.max(drag.anchor + SNAP_MINUTES, drag.current))}
            </div>
          )}
          {refusal &&
            placed
              .filter((entry) => entry.session.id === refusal.sessionId && entry.placement.roomId === room.id)
              .map(({ placement }) => (
                <RefusalAlert
                  key="refusal"
                  envelope={refusal.envelope}
                  zone={zone}
                  style={{ top: (placement.end - from) * PX_PER_MINUTE + 4 }}
                  onClose={() => setRefusal(undefined)}
                />
              ))}
        </div>
      ))}
    </div>
  );
}
