import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { type Edition, getEdition } from './editionsApi';

/** One edition, read from the api, with `replace` for the answer of an update (no second read). */
export function useEdition(eventId: string) {
  const [edition, setEdition] = useState<Edition>();
  const [error, setError] = useState<ErrorEnvelope>();
  useEffect(() => {
    let current = true;
    setEdition(undefined);
    setError(undefined);
    getEdition(eventId)
      .then((answer) => current && setEdition(answer))
      .catch((caught: unknown) => {
        if (!(caught instanceof ApiError)) throw caught;
        if (current) setError(caught.envelope);
      });
    return () => {
      current = false;
    };
  }, [eventId]);
  const replace = useCallback((next: Edition) => setEdition(next), []);
  return { edition, error, replace };
}
