import { QUEUE_BOARD_PATH } from '../../apps/api/src/jobs/queue-board.js';
import { buildWorld, type ConferenceWorld, fillPath, type SeatedDelegate, worldIds } from '#testing/conference-world.js';
import { envelopeProblem } from '#testing/error-envelope-shape.js';
import { type OpenApiDocument, operationOf } from '#testing/hostile-bodies.js';
import type { HttpResult } from '#testing/http-client.js';
import { minimalBody } from '#testing/minimal-bodies.js';
import { isOwnDataRoute, type RouteAccess, routeName, routeTable, WRITE_METHODS } from '#testing/route-table.js';
import { freshSessionToken, userIdOf } from '#testing/session-tokens.js';
import { eventually, TEST_ADMIN, TestStack } from '#testing/test-stack.js';

/*
 * Every route of the route table (so a new one cannot be missed), and bull-board outside it, called by six identities.
 * What each must get is derived from the route's declared rule (@Public, @Authenticated, @Roles) and, for a delegate's
 * own records under /api/me, from ownership: anybody but the owner gets a 404 there, and the owner's rows in the
 * database are unchanged after they tried. Path parameters name real records, so that allowed callers reach the
 * handler (a read must then succeed; a write may be refused by the domain, never by the guard). All mismatches are
 * reported together, as a table.
 */
type Identity = 'anonymous' | 'delegate A' | 'delegate B' | 'staff' | 'organiser' | 'admin';

/** Whose registration, seat and calendar feed the `/api/me/...` ids are; delegate A is the other delegate of the event. */
const OWNER: Identity = 'delegate B';

/**
 * The order of the calls to each route: the owner of the `/api/me` ids comes last, so that what the others try
 * first is seen to leave the owner's records alone, and what the owner does (cancel, erase) cannot spoil their answers.
 */
const IDENTITIES: Identity[] = ['anonymous', 'delegate A', 'staff', 'organiser', 'admin', 'delegate B'];

const ROLE: Record<Exclude<Identity, 'anonymous'>, string> = {
  'delegate A': 'delegate',
  'delegate B': 'delegate',
  staff: 'staff',
  organiser: 'organiser',
  admin: 'admin',
};

/** The access guard's own refusals; a 401 or 403 with another code is a domain answer (wrong password, a badge for another event). */
const GUARD_REFUSALS = new Set(['401 UNAUTHENTICATED', '401 INVALID_TOKEN', '401 TOKEN_EXPIRED', '403 FORBIDDEN']);

type Expected = '401 UNAUTHENTICATED' | '403 FORBIDDEN' | '404 NOT_FOUND' | 'allowed';

/** What the route's declared rule (and, under /api/me, ownership) says this identity gets. */
function expectationOf(route: Pick<RouteAccess, 'path' | 'rule'>, identity: Identity): Expected {
  if (!route.rule) throw new Error(`${route.path} declares no access rule`);
  if (route.rule.kind === 'public') return 'allowed';
  if (identity === 'anonymous') return '401 UNAUTHENTICATED';
  if (route.rule.kind === 'roles' && !route.rule.roles.includes(ROLE[identity] as never)) return '403 FORBIDDEN';
  // Another person's registration or seat is no record at all, whoever asks.
  if (isOwnDataRoute(route) && route.path.includes('/:') && identity !== OWNER) return '404 NOT_FOUND';
  return 'allowed';
}

interface Outcome {
  route: string;
  identity: Identity;
  expected: string;
  got: string;
  problem?: string;
}

describe('Authorisation matrix: every route × anonymous, delegate A, delegate B, staff, organiser, admin', () => {
  let stack: TestStack;
  let document: OpenApiDocument;
  let routes: RouteAccess[];
  const users: Partial<Record<Identity, { id: string; email: string; password: string }>> = {};

  beforeAll(async () => {
    // The Redis backend, so that bull-board (mounted only there) is in the matrix too.
    stack = await (await TestStack.create({ backend: 'redis', env: { LOG_LEVEL: 'warn' } })).startApi();
    const adminToken = await stack.loginAsAdmin();
    users.admin = { id: userIdOf(adminToken), email: TEST_ADMIN.email, password: TEST_ADMIN.password };
    for (const role of ['staff', 'organiser'] as const) {
      const account = { email: `matrix-${role}@example.org`, displayName: role, role, preferredLanguage: 'en', password: `${role} password for the matrix` };
      const created = await stack.http.post('/api/users', account, { token: adminToken });
      expect(created.status).toBe(201);
      users[role] = { id: created.body.id, email: account.email, password: account.password };
    }
    document = (await stack.http.get('/docs/openapi.json')).body as OpenApiDocument;
    routes = routeTable(stack);
  });
  afterAll(() => stack?.close());

  /** A fresh session for every call: one identity's logout (or erasure) cannot end the session of the next call. */
  async function tokenOf(identity: Identity, world: ConferenceWorld): Promise<string | undefined> {
    if (identity === 'anonymous') return undefined;
    const id = identity === OWNER ? world.owner.userId : identity === 'delegate A' ? world.other.userId : users[identity]!.id;
    return freshSessionToken(stack, id);
  }

  /** Everything of the owner's that the others could read or change: the registration, its seats, feed and agendas, the account. */
  async function recordsOf(owner: SeatedDelegate): Promise<unknown> {
    const { rows } = await stack.db.pool.query(
      `SELECT json_build_object(
         'registration', (SELECT row_to_json(r) FROM registration r WHERE r.id = $1),
         'enrolments', (SELECT json_agg(e ORDER BY e.id) FROM enrolment e WHERE e.registration_id = $1),
         'feed', (SELECT row_to_json(f) FROM calendar_feed f WHERE f.registration_id = $1),
         'agendas', (SELECT count(*) FROM personal_agenda a WHERE a.registration_id = $1),
         'account', (SELECT row_to_json(u) FROM app_user u WHERE u.id = $2)) AS records`,
      [owner.registrationId, owner.userId],
    );
    return rows[0].records;
  }

  /** Required query parameters, with the first value each allows. */
  function queryOf(route: RouteAccess): string {
    const required = (operationOf(document, route)?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
    return required.length ? `?${required.map((p) => `${p.name}=${String(p.schema?.enum?.[0] ?? 'x')}`).join('&')}` : '';
  }

  /** Secrets of one delegate that another must never be shown (unless the request itself carried them). */
  function leaked(answer: HttpResult, sent: string, of: SeatedDelegate): string[] {
    const secrets = { registration: of.registrationId, enrolment: of.enrolmentId, account: of.userId, 'calendar token': of.calendarToken, 'badge token': of.badgeToken };
    return Object.entries(secrets)
      .filter(([, secret]) => !sent.includes(secret) && answer.text.includes(secret))
      .map(([name]) => name);
  }

  function judge(route: string, identity: Identity, expected: Expected, answer: HttpResult, mustSucceed: boolean): Outcome {
    const code = typeof answer.body === 'object' && answer.body ? String((answer.body as { code?: unknown }).code) : '';
    const got = answer.status >= 400 ? `${answer.status} ${code}` : String(answer.status);
    const outcome: Outcome = { route, identity, expected, got };
    const envelope = answer.status >= 400 ? envelopeProblem(answer.status, answer.body, answer.headers.get('content-type')) : undefined;
    if (answer.status >= 500) outcome.problem = 'server error';
    else if (envelope) outcome.problem = `not the error envelope: ${envelope}`;
    else if (expected !== 'allowed') {
      if (got !== expected) outcome.problem = 'wrong answer';
    } else if (GUARD_REFUSALS.has(got)) outcome.problem = 'refused by the guard';
    else if (mustSucceed && !(answer.status >= 200 && answer.status < 400)) outcome.problem = 'a read by an allowed caller failed';
    return outcome;
  }

  it(
    'gives each identity what the route declares, keeps everyone but the owner out of /api/me records, and leaks nothing between delegates',
    async () => {
      const writes = routes.filter((route) => WRITE_METHODS.includes(route.method));
      expect(routes.length).toBeGreaterThan(80);
      // Reads share one world; each write route has its own, so that a cancel, an erasure or a logout cannot
      // change what the next route's callers see.
      const admin = await freshSessionToken(stack, users.admin!.id);
      const shared = await buildWorld(stack, admin);
      // The public agenda is a document the worker builds from the release: until then it is 503 AGENDA_NOT_READY.
      await stack.startWorker();
      await eventually(async () => (await stack.http.get(`/api/public/events/${shared.slug}/agenda.ics`)).status === 200, 90_000, 'the agenda of the release');
      await stack.stopWorker();
      const own = new Map<RouteAccess, ConferenceWorld>();
      for (let i = 0; i < writes.length; i += 4) {
        const built = await Promise.all(writes.slice(i, i + 4).map(() => buildWorld(stack, admin)));
        writes.slice(i, i + 4).forEach((route, j) => own.set(route, built[j]));
      }

      const outcomes: Outcome[] = [];
      // bull-board first: a Fastify route outside Nest's table, with HTTP Basic credentials instead of tokens. (First,
      // because the login route below fails a login per identity, and five failures close logins from this address.)
      const delegate = { email: 'matrix-delegate@example.org', password: 'delegate password for the matrix' };
      expect((await stack.http.post('/api/users', { ...delegate, displayName: 'Delegate', role: 'delegate' }, { token: admin })).status).toBe(201);
      const credentials: Record<Identity, { email: string; password: string } | undefined> = {
        anonymous: undefined,
        'delegate A': delegate,
        'delegate B': delegate,
        staff: users.staff,
        organiser: users.organiser,
        admin: users.admin,
      };
      for (const path of [QUEUE_BOARD_PATH, `${QUEUE_BOARD_PATH}/api/queues`]) {
        for (const identity of IDENTITIES) {
          const login = credentials[identity];
          const headers: Record<string, string> = login ? { authorization: `Basic ${Buffer.from(`${login.email}:${login.password}`).toString('base64')}` } : {};
          const answer = await stack.http.request('GET', path, undefined, { headers });
          const expected = expectationOf({ path, rule: { kind: 'roles', roles: ['admin' as never] } }, identity);
          const outcome = judge(`GET ${path} (bull-board)`, identity, expected, answer, true);
          if (!outcome.problem && expected === 'allowed' && answer.status !== 200) outcome.problem = 'the board did not open';
          outcomes.push(outcome);
        }
      }

      for (const route of routes) {
        const world = own.get(route) ?? shared;
        const path = `${fillPath(route.path, world)}${queryOf(route)}`;
        const body = WRITE_METHODS.includes(route.method) ? minimalBody(document, operationOf(document, route), worldIds(world), world.badgeTokens[0]) : undefined;
        const guardsOwnRecords = isOwnDataRoute(route) && route.path.includes('/:');
        const before = guardsOwnRecords ? await recordsOf(world.owner) : undefined;
        for (const identity of IDENTITIES) {
          if (identity === OWNER && guardsOwnRecords) {
            // Everyone else has had a go: the owner's records are as they were.
            const after = await recordsOf(world.owner);
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              outcomes.push({ route: routeName(route), identity: OWNER, expected: 'records unchanged', got: 'changed', problem: `the owner's records changed: ${JSON.stringify(after).slice(0, 300)}` });
            }
          }
          const expected = expectationOf(route, identity);
          const answer = await stack.http.request(route.method, path, body, { token: await tokenOf(identity, world) });
          const outcome = judge(routeName(route), identity, expected, answer, route.method === 'GET');
          // The owner's own ids must lead somewhere, or the others' 404s above would prove nothing.
          if (!outcome.problem && identity === OWNER && guardsOwnRecords && answer.status === 404) outcome.problem = "the owner's own record was not found";
          const sent = `${path} ${JSON.stringify(body ?? '')}`;
          const leaks = identity === 'delegate A' ? leaked(answer, sent, world.owner) : identity === OWNER ? leaked(answer, sent, world.other) : [];
          if (!outcome.problem && leaks.length) outcome.problem = `shows the other delegate's ${leaks.join(', ')}`;
          outcomes.push(outcome);
        }
      }

      // The whole matrix, one line per route (the identities in the order above), for the record.
      const lines = new Map<string, string[]>();
      for (const o of outcomes) lines.set(o.route, [...(lines.get(o.route) ?? []), o.got.split(' ')[0]]);
      process.stdout.write(`\n${' '.repeat(72)} ${IDENTITIES.map((i) => i.padEnd(11)).join('')}\n${[...lines].map(([route, got]) => `${route.padEnd(72)} ${got.map((g) => g.padEnd(11)).join('')}`).join('\n')}\n`);

      const mismatches = outcomes.filter((o) => o.problem);
      const table = mismatches
        .map((o) => `${o.route.padEnd(72)} ${o.identity.padEnd(11)} expected ${o.expected.padEnd(20)} got ${o.got.padEnd(34)} ${o.problem}`)
        .join('\n');
      expect({ mismatches: mismatches.length, table }).toEqual({ mismatches: 0, table: '' });
      // Every route of the table, and the board's two, were called by every identity.
      expect(outcomes).toHaveLength((routes.length + 2) * IDENTITIES.length);
    },
    5 * 60_000,
  );

  it('expects what the rules say: a sample of the table', () => {
    // The expectations are derived, not listed; these pin the derivation itself.
    const route = (path: string, rule: RouteAccess['rule']) => ({ path, rule });
    expect(IDENTITIES.map((i) => expectationOf(route('/api/users', { kind: 'roles', roles: ['admin' as never] }), i))).toEqual([
      '401 UNAUTHENTICATED',
      '403 FORBIDDEN',
      '403 FORBIDDEN',
      '403 FORBIDDEN',
      'allowed',
      '403 FORBIDDEN',
    ]);
    expect(IDENTITIES.map((i) => expectationOf(route('/api/me/registrations/:id', { kind: 'authenticated' }), i))).toEqual([
      '401 UNAUTHENTICATED',
      '404 NOT_FOUND',
      '404 NOT_FOUND',
      '404 NOT_FOUND',
      '404 NOT_FOUND',
      'allowed',
    ]);
    expect(IDENTITIES.at(-1)).toBe(OWNER);
    expect(IDENTITIES.map((i) => expectationOf(route('/api/public/events/:slug/programme', { kind: 'public' }), i))).toEqual(Array(6).fill('allowed'));
  });
});
