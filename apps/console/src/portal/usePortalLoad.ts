import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ErrorEnvelope } from '../api/client';

/** One api read for a portal page: its answer, its refusal (shown by code), and a way to read it again. */
export function usePortalLoad<T>(load: () => Promise<T>, dependencies: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((answer) => current && (setData(answer), setError(undefined)))
      .catch((caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError) setError(caught.envelope);
        else throw caught;
      });
    return () => {
      current = false;
    };
  }, [generation, ...dependencies]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, setData, error, reload };
}

/** Runs an action and keeps its refusal for an ApiErrorAlert; anything that is not an api refusal is rethrown. */
export async function attempt<T>(action: () => Promise<T>, onError: (envelope: ErrorEnvelope) => void): Promise<T | undefined> {
  try {
    return await action();
  } catch (caught) {
    if (caught instanceof ApiError) {
      onError(caught.envelope);
      return undefined;
    }
    throw caught;
  }
}
