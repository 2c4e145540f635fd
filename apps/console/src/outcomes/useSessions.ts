import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEventTime } from '../shared/time';
import { pickText } from '../shared/trilingual';
import { listSessions, type Session } from './outcomesApi';

/**
 * The edition's sessions as select options: the title in the reader's language and its start in the event's zone
 * (a ceremony is known by its time). Signing ceremonies and unveilings first, as protocol staff pick them most.
 */
export function useSessionOptions(eventId: string, timeZone: string | undefined) {
  const { i18n } = useTranslation();
  const [sessions, setSessions] = useState<Session[]>([]);
  useEffect(() => {
    let current = true;
    listSessions(eventId)
      .then((all) => current && setSessions(all))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [eventId]);
  const ceremony = (s: Session) => (s.kind === 'signing_ceremony' || s.kind === 'unveiling_ceremony' ? 0 : 1);
  const options = [...sessions]
    .sort((a, b) => ceremony(a) - ceremony(b) || a.startsAt.localeCompare(b.startsAt))
    .map((s) => ({
      value: s.id,
      label: `${pickText(s.title, i18n.language)}${timeZone ? ` · ${formatEventTime(s.startsAt, timeZone, i18n.language)}` : ''}`,
    }));
  const titleOf = (id: string | null | undefined) => options.find((option) => option.value === id)?.label ?? '';
  return { sessions, options, titleOf };
}
