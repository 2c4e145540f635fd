import { useCallback, useEffect, useRef, useState } from 'react';
import { listMyEnrolments, type MyEnrolment } from './portalApi';

/** How often the seats are read again while a registration is open. */
export const PROMOTION_POLL_MS = 4_000;

/**
 * Watches the delegate's waiting places: the api moves the first on a waiting list into a freed seat in the same
 * transaction as the seat is given up (and mails them), so the console reads the enrolments every few seconds and
 * says so when a place it saw waiting now holds a seat. `version` grows on every change seen, for pages to re-read.
 */
export function usePromotionWatch(registrationId: string) {
  const seen = useRef(new Map<string, MyEnrolment['status']>());
  const [promotions, setPromotions] = useState<MyEnrolment[]>([]);
  const [version, setVersion] = useState(0);

  const compare = useCallback(
    (enrolments: MyEnrolment[]) => {
      const promoted: MyEnrolment[] = [];
      let changed = false;
      for (const enrolment of enrolments.filter((item) => item.registrationId === registrationId)) {
        const before = seen.current.get(enrolment.id);
        if (before === 'waitlisted' && enrolment.status === 'enrolled') promoted.push(enrolment);
        if (before !== undefined && before !== enrolment.status) changed = true;
        seen.current.set(enrolment.id, enrolment.status);
      }
      if (promoted.length > 0) setPromotions((current) => [...current, ...promoted]);
      if (changed) setVersion((value) => value + 1);
    },
    [registrationId],
  );

  useEffect(() => {
    seen.current = new Map();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        compare(await listMyEnrolments());
      } catch {
        // A failed read (offline, signed out) is tried again at the next tick; nothing to say about it here.
      }
      if (!stopped) timer = setTimeout(() => void poll(), PROMOTION_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [compare]);

  /** An answer of the page's own (a seat taken, a waiting place joined) becomes what was last seen. */
  const saw = useCallback((enrolment: MyEnrolment) => {
    seen.current.set(enrolment.id, enrolment.status);
  }, []);
  const dismiss = useCallback((id: string) => setPromotions((current) => current.filter((item) => item.id !== id)), []);
  return { promotions, version, saw, dismiss };
}
