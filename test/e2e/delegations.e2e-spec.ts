import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture } from './support/programme-fixtures.js';

/**
 * Delegations (issue 12): who heads each is shown with the registrations, in the export and in a delegation list
 * per edition; an organiser confirms or changes the head; joining a delegation of another country is asked about.
 */
describe('Delegations', () => {
  let stack: TestStack;
  let admin: string;
  let organiser: string;
  let staff: string;
  let p: ProgrammeFixture;
  let seq = 0;
  const run = Date.now();
  const kazakhstan = `Delegation of Kazakhstan ${run}`;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    for (const role of ['organiser', 'staff']) {
      await stack.http.post('/api/users', { email: `${role}@example.org`, displayName: role, role, password: `${role} password 12` }, { token: admin });
    }
    organiser = await stack.http.login('organiser@example.org', 'organiser password 12');
    staff = await stack.http.login('staff@example.org', 'staff password 12');
    p = await buildProgramme(stack.http, organiser);
    await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'open' }, { token: organiser });
  });
  afterAll(() => stack.close());

  const signUp = async (nameLatin: string, country: string, delegation: Record<string, unknown>) => {
    seq += 1;
    const email = `delegation-${seq}-${run}@example.org`;
    const result = await stack.http.post(`/api/public/events/${p.slug}/registrations`, {
      ...DELEGATE_DETAILS,
      nameLatin,
      country,
      delegation,
      email,
      password: 'delegate password 12',
    });
    return { result, email, id: result.body.id as string };
  };
  const delegationsPage = async (token: string, query = '') => stack.http.get(`/api/events/${p.eventId}/delegations${query}`, { token });

  let a: string;
  let b: string;
  let c: string;
  let delegationId: string;

  it('makes the first registrant\'s claim the head, and refuses joining a delegation of another country until it is confirmed', async () => {
    a = (await signUp('Aidos Head', 'KZ', { name: kazakhstan, head: true })).id;
    b = (await signUp('Bolat Member', 'KZ', { name: kazakhstan, head: true })).id; // a later claim does not take over
    const refused = await signUp('Ruslan Neighbour', 'RU', { name: kazakhstan });
    expect(refused.result.status).toBe(409);
    expect(refused.result.body).toMatchObject({
      code: 'DELEGATION_COUNTRY_MISMATCH',
      message: `The delegation "${kazakhstan}" is of KZ and this registration of RU; send delegation.confirmCountryMismatch: true to join it all the same`,
      details: { delegationName: kazakhstan, delegationCountry: 'KZ', registrationCountry: 'RU', delegationId: expect.any(String) },
    });
    // Nothing of the refused sign-up stays: no account, no registration.
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [refused.email])).rows[0].n).toBe(0);
    const confirmed = await signUp('Ruslan Neighbour', 'RU', { name: kazakhstan, confirmCountryMismatch: true });
    expect(confirmed.result.status).toBe(201);
    c = confirmed.id;
    delegationId = refused.result.body.details.delegationId;
    expect(confirmed.result.body.delegationId).toBe(delegationId);
  });

  it('lists the edition\'s delegations, paginated, with head and members, to organisers and staff only', async () => {
    await signUp('Uktam Other', 'UZ', { name: `Delegation of Uzbekistan ${run}` });
    for (const token of [organiser, staff, admin]) {
      const page = await delegationsPage(token);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 25, total: 2 });
      const ours = page.body.items.find((d: { id: string }) => d.id === delegationId);
      expect(ours).toEqual({
        id: delegationId,
        eventId: p.eventId,
        name: kazakhstan,
        country: 'KZ',
        head: { registrationId: a, nameNative: DELEGATE_DETAILS.nameNative, nameLatin: 'Aidos Head', confirmed: false, confirmedAt: null },
        memberCount: 3,
        members: [
          { registrationId: a, nameNative: DELEGATE_DETAILS.nameNative, nameLatin: 'Aidos Head', country: 'KZ', category: 'business', status: 'approved', isHead: true },
          { registrationId: b, nameNative: DELEGATE_DETAILS.nameNative, nameLatin: 'Bolat Member', country: 'KZ', category: 'business', status: 'approved', isHead: false },
          { registrationId: c, nameNative: DELEGATE_DETAILS.nameNative, nameLatin: 'Ruslan Neighbour', country: 'RU', category: 'business', status: 'approved', isHead: false },
        ],
      });
    }
    const second = await delegationsPage(organiser, '?page=2&pageSize=1');
    // By name: Kazakhstan, then Uzbekistan.
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 2, items: [{ name: `Delegation of Uzbekistan ${run}` }] });
    expect(second.body.items).toHaveLength(1);
    const delegate = await stack.http.login(`delegation-1-${run}@example.org`, 'delegate password 12');
    expect((await delegationsPage(delegate)).status).toBe(403);
    expect((await stack.http.get(`/api/events/${p.eventId}/delegations?pageSize=0`, { token: organiser })).body.code).toBe('VALIDATION_FAILED');
  });

  it('shows each member\'s delegation and its head in the registration list and detail', async () => {
    for (const token of [organiser, staff]) {
      const detail = await stack.http.get(`/api/events/${p.eventId}/registrations/${c}`, { token });
      expect(detail.body.delegation).toEqual({
        id: delegationId,
        name: kazakhstan,
        country: 'KZ',
        head: { registrationId: a, nameNative: DELEGATE_DETAILS.nameNative, nameLatin: 'Aidos Head', confirmed: false, confirmedAt: null },
      });
      const list = await stack.http.get(`/api/events/${p.eventId}/registrations?q=Bolat`, { token });
      expect(list.body.items[0].delegation.head.registrationId).toBe(a);
    }
  });

  it('lets an organiser confirm or change the head (audited), only to an active member', async () => {
    const patch = (body: unknown, token = organiser, id = delegationId) => stack.http.patch(`/api/events/${p.eventId}/delegations/${id}`, body, { token });
    const confirmed = await patch({ headRegistrationId: a });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.head).toMatchObject({ registrationId: a, confirmed: true, confirmedAt: expect.any(String) });
    const changed = await patch({ headRegistrationId: b });
    expect(changed.body.head).toMatchObject({ registrationId: b, nameLatin: 'Bolat Member', confirmed: true });
    expect(changed.body.members[0]).toMatchObject({ registrationId: b, isHead: true });
    const audit = await stack.http.get(`/api/audit?entity=delegation&entityId=${delegationId}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delegation.head_changed', 'delegation.head_confirmed']);

    const outsider = (await signUp('Olzhas Outsider', 'KZ', { name: `Other delegation ${run}` })).id;
    expect((await patch({ headRegistrationId: outsider })).body).toMatchObject({ code: 'DELEGATION_HEAD_NOT_MEMBER', details: { registrationId: outsider } });
    await stack.http.post(`/api/events/${p.eventId}/registrations/${c}/cancel`, {}, { token: organiser });
    const cancelled = await patch({ headRegistrationId: c });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body).toMatchObject({ code: 'DELEGATION_HEAD_INACTIVE', message: 'A cancelled registration cannot head a delegation' });
    expect((await patch({ headRegistrationId: a }, staff)).status).toBe(403);
    expect((await patch({ headRegistrationId: a, name: 'renamed' })).status).toBe(400);
    expect((await patch({ headRegistrationId: 'not-a-uuid' })).status).toBe(400);
    expect((await patch({ headRegistrationId: a }, organiser, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // The head is still the one last chosen.
    const after = (await delegationsPage(organiser)).body.items.find((d: { id: string }) => d.id === delegationId);
    expect(after.head.registrationId).toBe(b);
  });

  it('keeps the head a member in the database, whoever writes', async () => {
    const outsider = (await signUp('Timur Direct', 'KZ', { name: `Third delegation ${run}` })).id;
    await expect(stack.db.pool.query(`UPDATE delegation SET head_registration_id = $2 WHERE id = $1`, [delegationId, outsider])).rejects.toThrow(
      /delegation_head_member_fkey/,
    );
    await expect(stack.db.pool.query(`UPDATE registration SET delegation_id = NULL WHERE id = $1`, [b])).rejects.toThrow(/delegation_head_member_fkey/);
  });

  it('names the head of each registration\'s delegation in the export', async () => {
    const csv = await stack.http.get(`/api/events/${p.eventId}/registrations.csv`, { token: organiser });
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const columns = header.split(',');
    const rowOf = (id: string) => lines.find((line) => line.startsWith(id))!.split(',');
    const cell = (id: string, column: string) => rowOf(id)[columns.indexOf(column)];
    expect(cell(a, 'delegation_head')).toBe('Bolat Member');
    expect(cell(a, 'is_delegation_head')).toBe('false');
    expect(cell(b, 'is_delegation_head')).toBe('true');
  });
});
