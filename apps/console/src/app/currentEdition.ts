import { useEffect } from 'react';
import { useMatch } from 'react-router';

const STORAGE_KEY = 'sco-console-edition';
const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The edition being worked on: the one in the URL (/editions/:eventId/…), else the last one opened. The shell links
 * the per-edition workspaces (timetable, registrations…) to it.
 */
export function useCurrentEditionId(): string | undefined {
  const match = useMatch('/editions/:eventId/*');
  const fromUrl = match?.params.eventId && UUID.test(match.params.eventId) ? match.params.eventId : undefined;
  useEffect(() => {
    if (fromUrl) localStorage.setItem(STORAGE_KEY, fromUrl);
  }, [fromUrl]);
  return fromUrl ?? localStorage.getItem(STORAGE_KEY) ?? undefined;
}
