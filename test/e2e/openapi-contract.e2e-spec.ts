import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { previewOpenApiDocument } from '../../apps/api/src/openapi-preview.js';
import { buildWorld, type ConferenceWorld, fillPath, worldIds } from '#testing/conference-world.js';
import { type OpenApiDocument, operationOf } from '#testing/hostile-bodies.js';
import type { HttpResult, RequestOptions } from '#testing/http-client.js';
import { minimalBody } from '#testing/minimal-bodies.js';
import { ContractChecker, type ContractDocument } from '#testing/openapi-contract.js';
import { type RouteAccess, routeName, routeTable, WRITE_METHODS } from '#testing/route-table.js';
import { samplePdf } from '#testing/sample-pdf.js';
import { freshSessionToken, userIdOf } from '#testing/session-tokens.js';
import { eventually, TEST_ADMIN, TestStack } from '#testing/test-stack.js';
import { DELEGATE_DETAILS, signUpBody } from '#testing/delegate-details.js';
import { at, sessionBody, tri } from '../e2e/support/programme-fixtures.js';

/*
 * The OpenAPI document is a contract the console's generated client relies on: every JSON route of the route table
 * (so a new route cannot be missed) is called for real, into a world of real records, and each answer, success or
 * error, is checked against what the document declares for that route and status (ajv, with formats). Every JSON
 * route must have given at least one success and one error, or the test names it.
 */

/** Answers that say nothing about the route's own shape: the probes can only answer 200 or 503. */
const NO_CLIENT_ERROR = new Set(['GET /health', 'GET /health/ready']);

/** Queries that make a route answer JSON, or reach its handler, beyond what the route table tells. */
const EXTRA_QUERY: Record<string, string> = {
  'GET /api/events/:eventId/sessions/:sessionId/run-sheet': 'format=json&lang=en',
  'POST /api/events/:eventId/guest-list': 'dryRun=true',
  'POST /api/events/:eventId/outcomes/:id/documents': 'language=ru',
};

/** Writes that undo records other routes read (or end the caller's session): sampled last. */
const LAST = /\/(erase|cancel|withdraw|logout)$|^DELETE /;
/** Of those, the ones that end the caller's account or registration go very last. */
const VERY_LAST = /^DELETE \/api\/(me\/)?.*registrations\/:id$|logout$/;

interface Call {
  body?: unknown;
  options?: RequestOptions;
  anonymous?: boolean;
  /** The user calling (admin by default, the world's owner under /api/me). */
  as?: string;
  /** The concrete path, when the world's ids are not the ones to use. */
  path?: string;
  query?: string;
}

interface Sample {
  route: string;
  status: number;
  code?: string;
  problem?: string;
}

describe('OpenAPI contract: real answers of every JSON route match the published document', () => {
  let stack: TestStack;
  let routes: RouteAccess[];
  let document: ContractDocument;
  let checker: ContractChecker;
  let world: ConferenceWorld;
  let adminId: string;
  const samples: Sample[] = [];

  beforeAll(async () => {
    stack = await (await TestStack.create({ env: { LOG_LEVEL: 'warn', JOB_ATTEMPTS: '2' } })).startApi();
    const admin = await stack.loginAsAdmin();
    adminId = userIdOf(admin);
    world = await buildWorld(stack, admin);
    routes = routeTable(stack);
    document = (await stack.http.get('/docs/openapi.json')).body as ContractDocument;
    checker = new ContractChecker(document);
  });
  afterAll(() => stack?.close());

  /** Calls a route as the caller it is meant for (a fresh session each time, so a logout ends nobody else's), and checks the answer. */
  async function sample(route: RouteAccess, call: Call = {}): Promise<HttpResult> {
    const name = routeName(route);
    let token: string | undefined;
    if (!call.anonymous && route.rule?.kind !== 'public') token = await freshSessionToken(stack, call.as ?? (route.path.startsWith('/api/me/') ? world.owner.userId : adminId));
    const query = call.query ?? EXTRA_QUERY[name] ?? requiredQuery(route);
    const path = `${call.path ?? fillPath(route.path, world)}${query ? `?${query}` : ''}`;
    const answer = await stack.http.request(route.method, path, call.body, { token, ...call.options });
    const code = (answer.body as { code?: string } | undefined)?.code;
    const problem = checker.problem(route.method, route.path, answer) ?? checker.requestProblem(route.method, route.path, call.body, answer);
    samples.push({ route: name, status: answer.status, code, problem });
    return answer;
  }

  function requiredQuery(route: RouteAccess): string {
    const required = (operationOf(document as unknown as OpenApiDocument, route)?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
    return required.map((p) => `${p.name}=${String(p.schema?.enum?.[0] ?? 'x')}`).join('&');
  }

  /** The body a write takes: the smallest valid JSON the document describes, or the file an upload route reads. */
  async function bodyOf(route: RouteAccess): Promise<{ body?: unknown; options?: RequestOptions }> {
    if (route.path.endsWith('/guest-list')) {
      const csv = 'email,name_native,name_latin,country,category\ncontract.guest@example.org,Гость,Guest,KZ,business\n';
      return { options: { raw: csv, headers: { 'content-type': 'text/csv' } } };
    }
    if (route.path.endsWith('/documents')) return { options: { raw: await samplePdf(), headers: { 'content-type': 'application/pdf' } } };
    const operation = operationOf(document as unknown as OpenApiDocument, route);
    return { body: minimalBody(document as unknown as OpenApiDocument, operation, worldIds(world), world.badgeTokens[0]) };
  }

  /** Calls the route named `METHOD /path/:param` (as the route table names it). */
  async function call(name: string, details: Call = {}): Promise<HttpResult> {
    const route = routes.find((candidate) => routeName(candidate) === name);
    if (!route) throw new Error(`no route ${name}`);
    return sample(route, details);
  }

  /** An id from a 2xx answer, or a failure that names the call. */
  function idOf(answer: HttpResult, what: string): string {
    if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
    return String(answer.body.id);
  }

  /**
   * The writes whose smallest body cannot succeed (a state to be in, a time free in a room, a badge to scan): a
   * short story through the api, on records of its own, each call sampled like any other.
   */
  async function successStories(): Promise<void> {
    const e = world.eventId;
    const signIn = await call('POST /api/auth/login', { body: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
    await call('POST /api/auth/refresh', { body: { refreshToken: signIn.body.refreshToken } });

    // The programme: a session at a free time (no room), renamed, with a moderator.
    const session = idOf(await call('POST /api/events/:eventId/sessions', { body: sessionBody({ startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '09:30') }) }), 'session');
    await call('PATCH /api/events/:eventId/sessions/:sessionId', { path: `/api/events/${e}/sessions/${session}`, body: { title: tri('Renamed session') } });
    await call('POST /api/events/:eventId/sessions/:sessionId/roles', { path: `/api/events/${e}/sessions/${session}/roles`, body: { personId: world.personId, role: 'moderator' } });

    // Door staff scan the owner's badge, then the other delegate's in a batch.
    const scan = (token: string) => ({ token, listId: world.listId, nonce: `contract-${randomUUID()}`, scannedAt: new Date().toISOString() });
    await call('POST /api/check-ins', { body: scan(world.owner.badgeToken) });
    await call('POST /api/check-ins/batch', { body: { scans: [scan(world.other.badgeToken)] } });

    // Registration: the edition asks for approval; two public sign-ups (one approved, one rejected), one on an account, a cancellation.
    await call('PATCH /api/events/:eventId', { body: { registrationMode: 'approval' } });
    const signUp = (email: string) => call('POST /api/public/events/:slug/registrations', { body: signUpBody(email) });
    const first = idOf(await signUp('contract.first@example.org'), 'sign-up');
    const second = idOf(await signUp('contract.second@example.org'), 'sign-up');
    const decide = (action: string, id: string, body?: unknown) =>
      call(`POST /api/events/:eventId/registrations/:id/${action}`, { path: `/api/events/${e}/registrations/${id}/${action}`, body });
    await decide('approve', first);
    await decide('reject', second, { reason: 'Not this year' });
    await decide('cancel', world.other.registrationId, { reason: 'Sent by the contract test' });
    const account = idOf(await stack.http.post('/api/users', { email: 'contract.account@example.org', displayName: 'Account', role: 'delegate', password: 'account password 12' }, { token: await freshSessionToken(stack, adminId) }), 'account');
    const onAccount = idOf(await call('POST /api/me/registrations', { as: account, body: { eventId: e, ...DELEGATE_DETAILS } }), 'registration on account');

    // Visa letters: the edition's text set and read back; the account's letter issued once approved, its reference checked in public.
    const text = (label: string) => ({ zh: `${label}（中）`, en: label, ru: `${label} (рус.)` });
    await call('PUT /api/events/:eventId/visa-letter', {
      body: {
        body: text('We invite'), purpose: text('Conference'), organiserName: text('Organiser'), organiserAddress: text('Qingdao'),
        organiserContact: 'visa@example.cn', signatoryName: text('Wang Ming'), signatoryTitle: text('Director'), signatoryOrganisation: text('Organiser'),
      },
    });
    await call('GET /api/events/:eventId/visa-letter');
    await decide('approve', onAccount);
    const letter = await stack.http.bytes(`/api/me/registrations/${onAccount}/visa-letter.pdf`, { token: await freshSessionToken(stack, account) });
    if (letter.status !== 200) throw new Error(`visa letter: ${letter.status} ${letter.body.toString()}`);
    const mine = await call('GET /api/me/visa-letters', { as: account });
    const reference = (mine.body.items as { reference: string | null }[]).find((item) => item.reference)?.reference;
    await call('GET /api/public/visa-letters/:reference', { path: `/api/public/visa-letters/${reference}` });

    // The owner takes a seat in the new session and gives it up; a badge is scanned in a batch.
    const seat = idOf(await call('POST /api/me/registrations/:id/enrolments', { body: { sessionId: session } }), 'enrolment');
    await call('DELETE /api/me/enrolments/:id', { path: `/api/me/enrolments/${seat}` });

    // Outcomes: an agreement like the world's, made ready, signed with a copy attached; an initiative done, approved, withdrawn.
    const model = (await stack.http.get(`/api/events/${e}/outcomes/${world.outcomeId}`, { token: await freshSessionToken(stack, adminId) })).body;
    const agreement = idOf(
      await call('POST /api/events/:eventId/outcomes', {
        body: {
          kind: 'agreement',
          agreementType: model.agreementType,
          title: tri('Second agreement'),
          parties: model.parties.map((party: { organisationId: string; role: string }) => ({ organisationId: party.organisationId, role: party.role })),
          people: model.people.map((person: { personId: string; role: string; forOrganisationId: string | null; protocolOrder: number }) => ({
            personId: person.personId,
            role: person.role,
            forOrganisationId: person.forOrganisationId,
            protocolOrder: person.protocolOrder,
          })),
        },
      }),
      'agreement',
    );
    const step = (action: string, id: string, body?: unknown, options?: RequestOptions) =>
      call(`POST /api/events/:eventId/outcomes/:id/${action}`, { path: `/api/events/${e}/outcomes/${id}/${action}`, body, options });
    await step('ready', agreement);
    await step('documents', agreement, undefined, { raw: await samplePdf(), headers: { 'content-type': 'application/pdf' } });
    await step('sign', agreement, {});
    const initiative = idOf(await call('POST /api/events/:eventId/outcomes', { body: { kind: 'initiative', title: tri('Joint initiative') } }), 'initiative');
    await step('done', initiative, {});
    await step('approve', initiative);
    await step('withdraw', initiative);

    // A job that fails for good (its user does not exist), retried by an admin: the worker runs only for this.
    await stack.db.pool.query(`INSERT INTO outbox (queue, name, payload) VALUES ('notifications', 'welcome-user', jsonb_build_object('userId', $1::text))`, [randomUUID()]);
    await stack.startWorker();
    try {
      const failed = await eventually(async () => {
        const page = await stack.http.get('/api/jobs/failed?queue=notifications', { token: await freshSessionToken(stack, adminId) });
        return (page.body.items as { id: string; failedReason: string }[]).find((job) => /User was not found/.test(job.failedReason));
      }, 20_000, 'a job failed for good');
      await call('POST /api/jobs/:queue/:id/retry', { path: `/api/jobs/notifications/${failed.id}/retry` });
    } finally {
      await stack.stopWorker();
    }
  }

  it('publishes the same document that is written without a database (the one the console client is generated from)', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(isDeepStrictEqual(document, JSON.parse(JSON.stringify(await previewOpenApiDocument())))).toBe(true);
  });

  it('types every value: no schema is a bare object (a typed client could neither send nor read it)', () => {
    const bare: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(schema.type ?? []);
      const composed = ['properties', 'additionalProperties', 'oneOf', 'anyOf', 'allOf', '$ref'].some((key) => key in schema);
      if (types.includes('object') && !composed) bare.push(at);
      for (const [key, child] of Object.entries(schema)) if (key !== 'example') walk(child, `${at}/${key}`);
    };
    walk(document.components, '#/components');
    walk(document.paths, '#/paths');
    expect(bare).toEqual([]);
  });

  it('answers every JSON route, success and errors, as the document declares', async () => {
    const reads = routes.filter((route) => !WRITE_METHODS.includes(route.method));
    const writes = routes.filter((route) => WRITE_METHODS.includes(route.method));
    const rank = (route: RouteAccess) => (VERY_LAST.test(routeName(route)) ? 2 : LAST.test(routeName(route)) ? 1 : 0);
    const ordered = [...writes].sort((a, b) => rank(a) - rank(b));

    // Successes: reads first, then the stories, then every write with the body the document describes.
    for (const route of reads) await sample(route);
    await successStories();
    for (const route of ordered) await sample(route, await bodyOf(route));

    // The common errors: no token (401), a field no body has (400 VALIDATION_FAILED, details per field), an unknown record (404).
    for (const route of routes) {
      if (route.rule?.kind !== 'public') await sample(route, { anonymous: true, body: WRITE_METHODS.includes(route.method) ? {} : undefined });
      if (WRITE_METHODS.includes(route.method) && operationOf(document as unknown as OpenApiDocument, route)?.requestBody?.content?.['application/json']) {
        await sample(route, { body: { notAField: true } });
      }
    }
    for (const route of routes.filter((r) => r.path.includes(':slug') || r.path.includes(':token') || r.path.includes(':reference'))) {
      await sample(route, { path: route.path.replace(/:slug/, 'no-such-edition').replace(/:token/, 'no-such-feed').replace(/:reference/, 'VL-0000-0000-0000') });
    }

    const wrong = samples.filter((s) => s.problem).map((s) => `${s.route} ${s.status}: ${s.problem}`);
    const jsonRoutes = routes.filter((route) => checker.jsonSuccesses(route.method, route.path).length > 0).map(routeName);
    const succeeded = new Set(samples.filter((s) => s.status < 300).map((s) => s.route));
    const refused = new Set(samples.filter((s) => s.status >= 400 && s.status < 500).map((s) => s.route));
    const answered = (route: string) => [...new Set(samples.filter((s) => s.route === route).map((s) => `${s.status} ${s.code ?? ''}`.trim()))].join(', ');
    const noSuccess = jsonRoutes.filter((route) => !succeeded.has(route)).map((route) => `${route} (answered ${answered(route)})`);
    const noError = jsonRoutes.filter((route) => !refused.has(route) && !NO_CLIENT_ERROR.has(route));
    expect(jsonRoutes.length).toBeGreaterThan(70);
    expect({ wrong, noSuccess, noError }).toEqual({ wrong: [], noSuccess: [], noError: [] });
  });
});
