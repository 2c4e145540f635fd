import { randomUUID } from 'node:crypto';
import { at, buildProgramme, sessionBody, tri } from '../../../test/e2e/support/programme-fixtures.js';
import { type MintedDelegate, mintDelegates } from './delegates.js';
import type { TestStack } from './test-stack.js';

/** A one-pixel PNG: the smallest document the outcomes service accepts. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A delegate with a seat and a calendar feed: the owner of every `/api/me/...` id in a world. */
export interface SeatedDelegate extends MintedDelegate {
  enrolmentId: string;
  calendarToken: string;
  badgeToken: string;
}

/**
 * One of each record, with real ids for every path parameter of the route table, so that a request
 * made with them gets past "not found" and into the code that reads its body.
 */
const tri3 = (zh: string, en: string, ru: string) => ({ zh, en, ru });
const VISA_LETTER_TEXT = {
  body: tri3('兹邀请下列人员来华出席会议。', 'We invite the person named below to attend the conference.', 'Приглашаем указанное ниже лицо на конференцию.'),
  purpose: tri3('出席会议', 'To attend the conference', 'Участие в конференции'),
  organiserName: tri3('青岛市商务局', 'Qingdao Municipal Bureau of Commerce', 'Бюро коммерции города Циндао'),
  organiserAddress: tri3('青岛市', 'Qingdao', 'Циндао'),
  organiserContact: 'visa@example.cn',
  signatoryName: tri3('王明', 'Wang Ming', 'Ван Мин'),
  signatoryTitle: tri3('局长', 'Director General', 'Генеральный директор'),
  signatoryOrganisation: tri3('青岛市商务局', 'Qingdao Municipal Bureau of Commerce', 'Бюро коммерции города Циндао'),
};

export interface ConferenceWorld {
  eventId: string;
  slug: string;
  venueId: string;
  roomId: string;
  trackId: string;
  organisationId: string;
  personId: string;
  sessionId: string;
  /** A speaker's role in `sessionId`. */
  roleId: string;
  /** Somebody else's approved registration in the event (for the organisers' registration routes). */
  registrationId: string;
  /** A delegation of the event, whose one member is `registrationId`. */
  delegationId: string;
  /** A user that admin routes may change (never the admin who calls them). */
  userId: string;
  listId: string;
  outcomeId: string;
  documentId: string;
  /** A visa letter's reference, issued to the owner (the public check's parameter). */
  visaReference: string;
  notificationId: string;
  releaseNumber: number;
  owner: SeatedDelegate;
  /** A second delegate of the same event, who owns nothing of `owner`'s. */
  other: SeatedDelegate;
  /** The badge tokens of the event's registrations. */
  badgeTokens: string[];
}

async function created(stack: TestStack, token: string, path: string, body: unknown, options: { raw?: Buffer; headers?: Record<string, string> } = {}): Promise<Record<string, unknown>> {
  const result = await stack.http.post(path, body, { token, ...options });
  if (result.status !== 201) throw new Error(`world: POST ${path} answered ${result.status} ${result.text}`);
  return result.body as Record<string, unknown>;
}

async function seat(stack: TestStack, delegate: MintedDelegate, sessionId: string): Promise<SeatedDelegate> {
  const enrolment = await created(stack, delegate.token, `/api/me/registrations/${delegate.registrationId}/enrolments`, { sessionId });
  const feed = await created(stack, delegate.token, `/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined);
  const calendarToken = /\/calendar\/([\w-]+)\.ics$/.exec(String(feed.url))?.[1];
  if (!calendarToken) throw new Error(`world: unexpected calendar feed url ${String(feed.url)}`);
  const { rows } = await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [delegate.registrationId]);
  return { ...delegate, enrolmentId: String(enrolment.id), calendarToken, badgeToken: rows[0].badge_token as string };
}

/**
 * Builds a world through the api as an admin (the records are made the way users make them), except for the
 * delegates (minted: see delegates.ts), a spare user and a failed notification (written directly: no worker runs).
 */
export async function buildWorld(stack: TestStack, adminToken: string): Promise<ConferenceWorld> {
  const p = await buildProgramme(stack.http, adminToken);
  // Published and open, so that public sign-ups and registrations on an account reach the intake service.
  const opened = await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'open' }, { token: adminToken });
  if (opened.status !== 200) throw new Error(`world: opening the event answered ${opened.status} ${opened.text}`);
  const session = await created(
    stack,
    adminToken,
    `/api/events/${p.eventId}/sessions`,
    sessionBody({ kind: 'signing_ceremony', roomId: p.hall, trackId: p.track, startsAt: at('2025-07-18', '10:00'), endsAt: at('2025-07-18', '11:00') }),
  );
  const sessionId = String(session.id);
  const role = await created(stack, adminToken, `/api/events/${p.eventId}/sessions/${sessionId}/roles`, { personId: p.people[0], role: 'speaker' });
  await created(stack, adminToken, `/api/events/${p.eventId}/releases`, { name: tri('First release') });
  const [owner, other, stranger] = await mintDelegates(stack, p.eventId, 3);
  const list = await created(stack, adminToken, `/api/events/${p.eventId}/check-in-lists`, { name: tri('Main entrance') });
  const partner = await created(stack, adminToken, '/api/organisations', { name: tri('Partner company'), country: 'KZ', type: 'enterprise' });
  const outcome = await created(stack, adminToken, `/api/events/${p.eventId}/outcomes`, {
    kind: 'agreement',
    agreementType: 'strategic_cooperation',
    title: tri('Cooperation agreement'),
    sessionId,
    occurredAt: at('2025-07-18', '10:30'),
    parties: [
      { organisationId: p.organisation, role: 'party' },
      { organisationId: String(partner.id), role: 'party' },
    ],
    people: [
      { personId: p.people[1], role: 'signatory', forOrganisationId: p.organisation, protocolOrder: 1 },
      { personId: p.people[2], role: 'signatory', forOrganisationId: String(partner.id), protocolOrder: 2 },
    ],
  });
  // Signed copies are attached to an agreement that is ready to be signed.
  const ready = await stack.http.post(`/api/events/${p.eventId}/outcomes/${String(outcome.id)}/ready`, {}, { token: adminToken });
  if (ready.status !== 200) throw new Error(`world: outcome ready answered ${ready.status} ${ready.text}`);
  const document = await created(stack, adminToken, `/api/events/${p.eventId}/outcomes/${String(outcome.id)}/documents?language=en`, undefined, {
    raw: PNG,
    headers: { 'content-type': 'image/png' },
  });
  const { rows: users } = await stack.db.pool.query(
    `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Spare user', 'staff', '!') RETURNING id`,
    [`spare-${randomUUID()}@example.org`],
  );
  const { rows: notifications } = await stack.db.pool.query(
    `INSERT INTO notification (kind, trigger_key, recipient_user_id, recipient_email, language, status, attempts, last_error)
     VALUES ('registration.approved', $1, $2, 'owner@example.org', 'ru', 'failed', 5, 'SMTP refused') RETURNING id`,
    [randomUUID(), owner.userId],
  );
  const { rows: delegations } = await stack.db.pool.query(
    `WITH d AS (INSERT INTO delegation (event_id, name, country) VALUES ($1, 'Delegation of Kazakhstan', 'KZ') RETURNING id)
     UPDATE registration SET delegation_id = (SELECT id FROM d) WHERE id = $2 RETURNING delegation_id AS id`,
    [p.eventId, stranger.registrationId],
  );
  // A visa letter text for the edition, and visa data on the owner's registration: the letter routes then answer
  // their reads (and the owner's first download issues the reference the public check is called with).
  const letterText = { ...VISA_LETTER_TEXT };
  const text = await stack.http.request('PUT', `/api/events/${p.eventId}/visa-letter`, letterText, { token: adminToken });
  if (text.status !== 200) throw new Error(`world: visa letter text answered ${text.status} ${text.text}`);
  const visa = await stack.http.patch(`/api/me/registrations/${owner.registrationId}`, { visa: { nationality: 'KZ', passportNumber: 'N12345678', dateOfBirth: '1985-04-12' } }, { token: owner.token });
  if (visa.status !== 200) throw new Error(`world: owner's visa data answered ${visa.status} ${visa.text}`);
  const letter = await stack.http.bytes(`/api/me/registrations/${owner.registrationId}/visa-letter.pdf`, { token: owner.token });
  if (letter.status !== 200) throw new Error(`world: owner's visa letter answered ${letter.status}`);
  const { rows: letters } = await stack.db.pool.query(`SELECT reference FROM visa_letter WHERE registration_id = $1`, [owner.registrationId]);
  const { rows: badges } = await stack.db.pool.query(`SELECT badge_token FROM registration WHERE event_id = $1`, [p.eventId]);
  return {
    eventId: p.eventId,
    slug: p.slug,
    venueId: p.venueA,
    roomId: p.hall,
    trackId: p.track,
    organisationId: p.organisation,
    personId: p.people[0],
    sessionId,
    roleId: String(role.id),
    registrationId: stranger.registrationId,
    delegationId: delegations[0].id as string,
    userId: users[0].id as string,
    listId: String(list.id),
    outcomeId: String(outcome.id),
    documentId: String(document.id),
    visaReference: letters[0].reference as string,
    notificationId: notifications[0].id as string,
    releaseNumber: 1,
    owner: await seat(stack, owner, sessionId),
    other: await seat(stack, other, sessionId),
    badgeTokens: badges.map((row) => row.badge_token as string),
  };
}

/** The world's ids by kind of record, for bodies whose fields name the kind (`sessionId`, `hostOrganisationIds`). */
export function worldIds(world: ConferenceWorld): Record<string, string[]> {
  return {
    event: [world.eventId],
    session: [world.sessionId],
    room: [world.roomId],
    track: [world.trackId],
    venue: [world.venueId],
    organisation: [world.organisationId],
    person: [world.personId],
    list: [world.listId],
    delegation: [world.delegationId],
    registration: [world.registrationId, world.owner.registrationId, world.other.registrationId],
  };
}

/**
 * Fills the `:params` of a route's path with the world's ids. An `:id` is named by the segment before it
 * (users/:id is a user, outcomes/:id an outcome); under /api/me it is the owner's. A parameter this map does
 * not know becomes a random UUID, so a new route is still exercised (and reaches its validation) until the
 * world learns about it.
 */
export function fillPath(path: string, world: ConferenceWorld): string {
  const segments = path.split('/');
  return segments
    .map((segment, index) =>
      // `:id`, `:token.ics`, `registrations.:format`
      segment.replace(/:(\w+)/g, (_, name: string) => (name === 'format' ? formatFor(segment) : valueOf(name, segments[index - 1] ?? '', path, world))),
    )
    .join('/');
}

/** The cheapest format each file route offers. */
function formatFor(segment: string): string {
  return segment.startsWith('agenda.') ? 'ics' : 'csv';
}

function valueOf(name: string, before: string, path: string, world: ConferenceWorld): string {
  const me = path.startsWith('/api/me/');
  const { owner } = world;
  switch (name) {
    case 'eventId':
      return world.eventId;
    case 'slug':
      return world.slug;
    case 'sessionId':
      return world.sessionId;
    case 'roleId':
      return world.roleId;
    case 'trackId':
      return world.trackId;
    case 'venueId':
      return world.venueId;
    case 'roomId':
      return world.roomId;
    case 'listId':
      return world.listId;
    case 'delegationId':
      return world.delegationId;
    case 'documentId':
      return world.documentId;
    case 'reference':
      return world.visaReference;
    case 'number':
      return String(world.releaseNumber);
    case 'queue':
      return 'notifications';
    case 'token':
      return owner.calendarToken;
  }
  if (name !== 'id') return randomUUID();
  if (before.startsWith(':')) return 'no-such-job';
  const byCollection: Record<string, string> = {
    users: world.userId,
    organisations: world.organisationId,
    people: world.personId,
    outcomes: world.outcomeId,
    notifications: world.notificationId,
    registrations: me ? owner.registrationId : world.registrationId,
    enrolments: owner.enrolmentId,
  };
  return byCollection[before] ?? randomUUID();
}
