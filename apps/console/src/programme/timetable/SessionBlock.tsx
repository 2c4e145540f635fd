import type { PointerEvent as ReactPointerEvent } from 'react';
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
export function SessionBlock({ session, track, placement, top, unreleased, faded, pending, onPointerDown, onResizeStart, onOpen }: {
  session: Session;
  track?: Track;
  placement: Placement;
  top: number;
  unreleased: boolean;
  faded: boolean;
  pending: boolean;
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
  onResizeStart: (event: ReactPointerEvent<HTMLElement>) => void;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation('programme');
  const title = pickText(session.title, i18n.language);
  const time = `${formatMinutes(placement.start)}–${formatMinutes(placement.end)}`;
  const draft = session.status === 'draft';
  const classes = ['tt-block', draft || unreleased ? 'tt-block-draft' : '', session.status === 'cancelled' ? 'tt-block-cancelled' : '', faded ? 'tt-block-faded' : '', pending ? 'tt-block-pending' : ''];
  return (
    <div
      role="button"
      tabIndex={0}
      className={classes.filter(Boolean).join(' ')}
      data-testid="session-block"
      data-session-id={session.id}
      data-room-id={placement.roomId}
      data-start={formatMinutes(placement.start)}
      data-end={formatMinutes(placement.end)}
      style={{ top, height: Math.max(18, (placement.end - placement.start) * PX_PER_MINUTE - 2), borderInlineStartColor: track?.colour ?? '#8c8c8c' }}
      onPointerDown={onPointerDown}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
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
      <div className="tt-resize" data-testid="resize-handle" aria-hidden onPointerDown={onResizeStart} />
    </div>
  );
}
