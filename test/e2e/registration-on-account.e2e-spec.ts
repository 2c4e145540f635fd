import { mintAccounts } from '#testing/accounts.js';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { TestStack } from '#testing/test-stack.js';
import { createBenchEvent } from '../../bench/support/bench-event.js';

/** A delegate with an account, no invitation, no new organisation, no delegation: the one-statement path. */
const details = DELEGATE_DETAILS;

describe('Registration on an existing account', () => {
  let stack: TestStack;
  let admin: string;
  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
  });
  afterAll(() => stack.close());

  const written = async (userId: string) => ({
    registrations: (await stack.db.pool.query(`SELECT count(*)::int AS n FROM registration WHERE user_id = $1`, [userId])).rows[0].n,
    audit: (await stack.db.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1`, [userId])).rows[0].n,
  });

  it('writes the registration, its audit entry and its outbox row together, with the status the event\'s mode gives', async () => {
    const open = await createBenchEvent(stack, admin, { openForRegistration: true });
    const approval = await createBenchEvent(stack, admin, { openForRegistration: true });
    await stack.http.patch(`/api/events/${approval.id}`, { registrationMode: 'approval' }, { token: admin });
    const [a, b] = await mintAccounts(stack, 2);
    for (const [account, event, status, change] of [[a, open, 'approved', 'approved'], [b, approval, 'pending', 'received']] as const) {
      const result = await stack.http.post('/api/me/registrations', { eventId: event.id.toUpperCase(), ...details }, { token: account.token });
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        eventId: event.id, userId: account.userId, status, statusReason: null, organisationId: null, delegationId: null, position: 'Deputy director', phone: '+7 701 000 00 00',
        arrivalDate: '2025-07-17', interpretationNeeds: ['ru'], listedConsent: true, badgeAvailable: status === 'approved', anonymisedAt: null,
        visa: details.visa,
      });
      const id = result.body.id as string;
      const audit = await stack.db.pool.query(`SELECT actor_id, actor_role, action, before, after, request_id FROM audit_log WHERE entity = 'registration' AND entity_id = $1`, [id]);
      expect(audit.rows).toEqual([
        { actor_id: account.userId, actor_role: 'delegate', action: 'registration.created', before: null, after: { status, category: 'business', country: 'KZ', listedConsent: true }, request_id: expect.any(String) },
      ]);
      const outbox = await stack.db.pool.query(`SELECT queue, payload FROM outbox WHERE name = 'registration-changed' AND payload->>'registrationId' = $1`, [id]);
      expect(outbox.rows).toEqual([{ queue: 'registration', payload: { registrationId: id, change } }]);
      const stored = await stack.db.pool.query(`SELECT created_at, consent_at, visa_passport_number FROM registration WHERE id = $1`, [id]);
      expect(stored.rows[0].created_at.toISOString()).toBe(result.body.createdAt);
      expect(stored.rows[0].consent_at.toISOString()).toBe(result.body.consentAt);
      expect(stored.rows[0].visa_passport_number.toString('latin1')).not.toContain('N12345678');
      const twice = await stack.http.post('/api/me/registrations', { eventId: event.id, ...details }, { token: account.token });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('ALREADY_REGISTERED');
      expect(await written(account.userId)).toEqual({ registrations: 1, audit: 1 });
    }
  });

  it('refuses in the order the checks have always run, writing nothing', async () => {
    const draft = await createBenchEvent(stack, admin, {});
    const open = await createBenchEvent(stack, admin, { openForRegistration: true });
    const invitation = await createBenchEvent(stack, admin, { openForRegistration: true });
    await stack.http.patch(`/api/events/${invitation.id}`, { registrationMode: 'invitation' }, { token: admin });
    const [account] = await mintAccounts(stack, 1);
    const attempt = (eventId: string, overrides: Record<string, unknown> = {}) =>
      stack.http.post('/api/me/registrations', { eventId, ...details, ...overrides }, { token: account.token });
    const cases: [Promise<{ status: number; body: { code: string } }>, number, string][] = [
      [attempt('00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND'],
      // A closed event says so, whatever else is wrong with the request.
      [attempt(draft.id, { arrivalDate: '2025-02-30', consent: { accepted: true, noticeVersion: '0' } }), 409, 'REGISTRATION_CLOSED'],
      [attempt(open.id, { consent: { accepted: true, noticeVersion: '0' } }), 422, 'CONSENT_NOTICE_OUTDATED'],
      [attempt(invitation.id), 403, 'REGISTRATION_BY_INVITATION'],
      [attempt(open.id, { arrivalDate: '2025-02-30' }), 422, 'INVALID_DATETIME'],
      [attempt(open.id, { arrivalDate: '2025-07-20' }), 422, 'STAY_DATES_ORDER'],
      [attempt(open.id, { organisationId: '00000000-0000-4000-8000-000000000001' }), 409, 'FOREIGN_KEY_VIOLATION'],
    ];
    for (const [pending, status, code] of cases) {
      const result = await pending;
      expect([result.status, result.body.code]).toEqual([status, code]);
    }
    expect(await written(account.userId)).toEqual({ registrations: 0, audit: 0 });
  });
});
