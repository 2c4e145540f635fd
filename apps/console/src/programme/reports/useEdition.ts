import { useEffect, useState } from 'react';
import { ApiError, type ErrorEnvelope } from '../../api/client';
import { type Edition, getEdition, listRooms, type Room } from './programmeApi';

/** The edition (for its time zone and slug) and its rooms by id (reports carry room ids), read once per page. */
export function useEdition(eventId: string) {
  const [edition, setEdition] = useState<Edition>();
  const [rooms, setRooms] = useState<Map<string, Room>>(new Map());
  const [error, setError] = useState<ErrorEnvelope>();
  useEffect(() => {
    let current = true;
    Promise.all([getEdition(eventId), listRooms(eventId)])
      .then(([answer, roomPage]) => {
        if (!current) return;
        setEdition(answer);
        setRooms(new Map(roomPage.items.map((room) => [room.id, room])));
      })
      .catch((caught: unknown) => {
        if (current && caught instanceof ApiError) setError(caught.envelope);
        else if (current) throw caught;
      });
    return () => {
      current = false;
    };
  }, [eventId]);
  return { edition, rooms, error };
}

/** Loads a whole report, again on `reload()`; the error envelope when the api refuses. */
export function useReport<T>(load: () => Promise<T>, dependencies: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((answer) => current && (setData(answer), setError(undefined)))
      .catch((caught: unknown) => {
        if (current && caught instanceof ApiError) setError(caught.envelope);
        else if (current) throw caught;
      });
    return () => {
      current = false;
    };
  }, [generation, ...dependencies]);
  return { data, error, reload: () => setGeneration((value) => value + 1) };
}
