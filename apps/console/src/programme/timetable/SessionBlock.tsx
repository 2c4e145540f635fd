import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../shared/trilingual';
import type { Session, Track } from '../programmeApi';
import { PX_PER_MINUTE, formatMinutes } from './gridGeometry';
import type { Placement } from './DayGrid';

/**
 * A session on the grid: title in the reader's language, time, kind, the track's colour as its left edge. A draft,
 * or a session changed since the last release, is dashed and labelled, so what the public does not see yet stands out.
 * A button for the keyboard (Enter opens the drawer); the bottom strip is the resize handle.
 */
export const SessionBlock = memo(function SessionBlock({ session, track, roomId, start, end, top, unreleased, faded, pending, onDragStart, onOpen }: {
  session: Session;
  track?: Track;
  roomId: string;
  start: number;
  end: number;
  top: number;
  unreleased: boolean;
  faded: boolean;
  pending: boolean;
  /** Stable across renders (as is onOpen): with primitives for the rest, a drag re-renders only the blocks it changes. */
  onDragStart: (kind: 'move' | 'resize', session: Session, placement: Placement, event: ReactPointerEvent<HTMLElement>) => void;
  onOpen: (session: Session) => void;
}) {
  const { t, i18n } = useTranslation('programme');
  const title = pickText(session.title, i18n.language);
  const time = `${formatMinutes(start)}–${formatMinutes(end)}`;
  const draft = session.status === 'draft';
  const classes = ['tt-block', draft || unreleased ? 'tt-block-draft' : '', session.status === 'cancelled' ? 'tt-block-cancelled' : '', faded ? 'tt-block-faded' : '', pending ? 'tt-block-pending' : ''];
  return (
    <div
      role="button"
      tabIndex={0}
      className={classes.filter(Boolean).join(' ')}
      data-testid="session-block"
      data-session-id={session.id}
      data-room-id={roomId}
      data-start={formatMinutes(start)}
      data-end={formatMinutes(end)}
      style={{ top, height: Math.max(18, (end - start) * PX_PER_MINUTE - 2), borderInlineStartColor: track?.colour ?? '#8c8c8c' }}
      onPointerDown={(event) => onDragStart('move', session, { roomId, start, end }, event)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(session);
        }
      }}
    >
      <div className="tt-block-title">{title}</div>
      <div className="tt-block-meta">
        {time} · {t(`kind.${session.kind}`)}
        {track && <> · {pickText(track.name, i18n.language)}</>}
      </div>
      {(draft || unreleased || session.status === 'cancelled') && (
        <div className="tt-block-flags">
          {draft && <span className="tt-flag" data-testid="flag-draft">{t('flags.draft')}</span>}
          {!draft && unreleased && <span className="tt-flag" data-testid="flag-unreleased">{t('flags.unreleased')}</span>}
          {session.status === 'cancelled' && <span className="tt-flag">{t('status.cancelled')}</span>}
        </div>
      )}
      <div className="tt-resize" data-testid="resize-handle" aria-hidden onPointerDown={(event) => onDragStart('resize', session, { roomId, start, end }, event)} />
    </div>
  );
});
