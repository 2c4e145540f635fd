import { useEffect, useState } from 'react';
import { api, call } from '../api/client';

/** The edition's time zone (times are shown in it); undefined until known. */
export function useEventTimeZone(eventId: string): string | undefined {
  const [timeZone, setTimeZone] = useState<string>();
  useEffect(() => {
    let current = true;
    call(api.GET('/api/events/{eventId}', { params: { path: { eventId } } }))
      .then((event) => current && setTimeZone(event.timeZone))
      // Without the event the page still shows its own error; times then wait.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [eventId]);
  return timeZone;
}
