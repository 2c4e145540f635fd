import { mintDelegates } from '#testing/delegates.js';
import type { HttpResult } from '#testing/http-client.js';
import { seatInSession } from '#testing/seats.js';
import type { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from '../../e2e/support/programme-fixtures.js';

export interface CrowdedSession {
  programme: ProgrammeFixture;
  /** Publishes the release that moves the session: every seat holder is to be told. */
  publishMove(): Promise<HttpResult>;
}

/**
 * The set-up of the fan-out faults: a session that `delegates` people hold seats in, released once, then moved
 * in the draft. The caller publishes the move when its fault is ready to strike.
 */
export async function crowdedSession(stack: TestStack, organiser: string, delegates: number): Promise<CrowdedSession> {
  const programme = await buildProgramme(stack.http, organiser);
  const { eventId } = programme;
  const arena = (await stack.http.post(`/api/events/${eventId}/rooms`, { venueId: programme.venueA, name: tri('Arena'), capacity: 6000 }, { token: organiser })).body.id;
  const session = await stack.http.post(
    `/api/events/${eventId}/sessions`,
    sessionBody({ roomId: arena, capacity: delegates, startsAt: at('2025-07-18', '10:00'), endsAt: at('2025-07-18', '11:00') }),
    { token: organiser },
  );
  if (session.status !== 201) throw new Error(`session: ${session.status} ${session.text}`);
  const minted = await mintDelegates(stack, eventId, delegates);
  await seatInSession(stack, session.body.id, minted.map((d) => d.registrationId));
  const publish = (name: string) => stack.http.post(`/api/events/${eventId}/releases`, { name: tri(name) }, { token: organiser });
  const before = await publish('Before');
  if (before.status !== 201) throw new Error(`release: ${before.status} ${before.text}`);
  const move = await stack.http.patch(
    `/api/events/${eventId}/sessions/${session.body.id}`,
    { startsAt: at('2025-07-19', '10:00'), endsAt: at('2025-07-19', '11:00') },
    { token: organiser },
  );
  if (move.status !== 200) throw new Error(`move: ${move.status} ${move.text}`);
  return { programme, publishMove: () => publish('Moved') };
}
