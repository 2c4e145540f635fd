import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../../api/client';
import { ApiErrorAlert } from '../../shared/ApiErrorAlert';
import { pickText } from '../../shared/trilingual';
import { wallClockOf } from '../zoned-time';
import { collidingSession } from './refusal';

// Codes whose envelope names the session collided with; the message says which, in the reader's language.
const NAMED = ['ROOM_CONFLICT', 'PERSON_CONFLICT'];

/** The api's refusal of a drop, beside the block that went back: the colliding session by title and time. */
export function RefusalAlert({ envelope, zone, style, onClose }: { envelope: ErrorEnvelope; zone: string; style: CSSProperties; onClose: () => void }) {
  const { t, i18n } = useTranslation('programme');
  const colliding = collidingSession(envelope);
  return (
    <div className="tt-refusal" style={style} onPointerDown={(event) => event.stopPropagation()} data-testid="timetable-refusal">
      {colliding && NAMED.includes(envelope.code) ? (
        <Alert
          type="error"
          role="alert"
          data-error-code={envelope.code}
          title={t(`refusal.${envelope.code}`, {
            title: pickText(colliding.title, i18n.language),
            from: wallClockOf(colliding.startsAt, zone).time,
            to: wallClockOf(colliding.endsAt, zone).time,
          })}
          closable={{ onClose }}
        />
      ) : (
        <ApiErrorAlert envelope={envelope} onClose={onClose} />
      )}
    </div>
  );
}
