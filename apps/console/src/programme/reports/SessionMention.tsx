import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EventTime } from '../../shared/EventTime';
import { pickText, type Trilingual } from '../../shared/trilingual';
import { sessionHref } from './programmeLinks';

const TIME_ONLY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A session named in the reader's language with its time in the event's zone, linked to the timetable. */
export function SessionMention({ eventId, session, timeZone }: {
  eventId: string;
  session: { id: string; title: Trilingual; startsAt: string; endsAt: string };
  timeZone: string;
}) {
  const { i18n } = useTranslation();
  return (
    <span className="session-mention" data-testid="session-mention">
      <Link to={sessionHref(eventId, session.id)}>{pickText(session.title, i18n.language)}</Link>{' '}
      <span className="session-mention-time">
        <EventTime at={session.startsAt} timeZone={timeZone} compact /> – <EventTime at={session.endsAt} timeZone={timeZone} compact options={TIME_ONLY} />
      </span>
    </span>
  );
}
