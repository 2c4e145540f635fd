import { randomUUID } from 'node:crypto';
import { mintDelegates } from '#testing/delegates.js';
import { pdfText } from '#testing/pdf-text.js';
import { TestStack } from '#testing/test-stack.js';
import { tri } from './support/programme-fixtures.js';

/**
 * What the door page needs beyond a scan: the delegation in the answer, a search of the expected people by name for
 * a damaged badge and a check-in by registration id under the scan's rules, the printed door list, and the
 * editions a door staff member may read to pick one.
 */
describe('Check-in desk (door staff)', () => {
  let stack: TestStack;
  let admin: string;
  let staff: string;
  let eventId: string;
  let list: string;
  let li: { registrationId: string; token: string };
  let ivanov: { registrationId: string; token: string };
  let pending: { registrationId: string; token: string };
  let delegationId: string;

  const person = async (nameNative: string, nameLatin: string, status = 'approved') => {
    const [d] = await mintDelegates(stack, eventId, 1);
    const { rows } = await stack.db.pool.query(
      `UPDATE registration SET name_native = $2, name_latin = $3, status = $4 WHERE id = $1 RETURNING badge_token`,
      [d.registrationId, nameNative, nameLatin, status],
    );
    return { registrationId: d.registrationId, token: rows[0].badge_token as string };
  };
  const nonce = () => `desk-${randomUUID()}`;
  const scannedAt = '2025-07-18T09:05:00.000+08:00';

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    const email = `door-${randomUUID().slice(0, 6)}@example.org`;
    await stack.http.post('/api/users', { email, displayName: 'Door', role: 'staff', password: 'door staff password' }, { token: admin });
    staff = await stack.http.login(email, 'door staff password');
    const created = await stack.http.post(
      '/api/events',
      { slug: `desk-${randomUUID().slice(0, 8)}`, name: tri('Desk test'), city: tri('Qingdao'), timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19', defaultLanguage: 'en' },
      { token: admin },
    );
    eventId = created.body.id;
    list = (await stack.http.post(`/api/events/${eventId}/check-in-lists`, { name: { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' } }, { token: admin })).body.id;
    li = await person('李刚', 'Li Gang');
    ivanov = await person('Иванов Пётр', 'Ivanov Pyotr');
    pending = await person('Пending Person', 'Waiting Person', 'pending');
    // A delegation as the registration flow makes it (the head's name for it, one text): fixture rows written directly.
    delegationId = (await stack.db.pool.query(`INSERT INTO delegation (event_id, name, country) VALUES ($1, '中国代表团', 'CN') RETURNING id`, [eventId])).rows[0].id;
    await stack.db.pool.query(`UPDATE registration SET delegation_id = $2, country = 'CN' WHERE id = $1`, [li.registrationId, delegationId]);
  });
  afterAll(() => stack.close());

  it('names the delegation in the scan answer, and leaves the key out for a guest without one', async () => {
    const answer = await stack.http.post('/api/check-ins', { token: li.token, listId: list, nonce: nonce(), scannedAt }, { token: staff });
    expect(answer.status).toBe(201);
    expect(answer.body.details.delegate).toEqual({
      registrationId: li.registrationId,
      nameNative: '李刚',
      nameLatin: 'Li Gang',
      category: 'business',
      country: 'CN',
      delegation: { id: delegationId, name: '中国代表团', country: 'CN' },
    });
    const again = await stack.http.post('/api/check-ins', { token: li.token, listId: list, nonce: nonce(), scannedAt }, { token: staff });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_CHECKED_IN');
    expect(again.body.details.checkedInAt).toBe('2025-07-18T01:05:00.000Z');
    expect(again.body.details.delegate.delegation.name).toBe('中国代表团');
  });

  it('lets staff search the expected people by name in either script, paginated, with who is in already', async () => {
    const byCyrillic = await stack.http.get(`/api/check-in-lists/${list}/expected?q=${encodeURIComponent('иванов')}`, { token: staff });
    expect(byCyrillic.status).toBe(200);
    expect(byCyrillic.body).toMatchObject({ page: 1, pageSize: 25, total: 1 });
    expect(byCyrillic.body.items).toEqual([
      { registrationId: ivanov.registrationId, nameNative: 'Иванов Пётр', nameLatin: 'Ivanov Pyotr', category: 'business', country: 'KZ', delegation: null, checkedInAt: null },
    ]);
    const byHanzi = await stack.http.get(`/api/check-in-lists/${list}/expected?q=${encodeURIComponent('李')}`, { token: staff });
    expect(byHanzi.body.items).toHaveLength(1);
    expect(byHanzi.body.items[0]).toMatchObject({ registrationId: li.registrationId, delegation: { name: '中国代表团' }, checkedInAt: '2025-07-18T01:05:00.000Z' });
    // A pending registration is not expected; % in the query is a character, not a wildcard.
    expect((await stack.http.get(`/api/check-in-lists/${list}/expected?q=Waiting`, { token: staff })).body.total).toBe(0);
    expect((await stack.http.get(`/api/check-in-lists/${list}/expected?q=%25`, { token: staff })).body.total).toBe(0);
    const paged = await stack.http.get(`/api/check-in-lists/${list}/expected?pageSize=1&page=2`, { token: staff });
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.body.items.map((i: { registrationId: string }) => i.registrationId)).toEqual([li.registrationId]);
    const past = await stack.http.get(`/api/check-in-lists/${list}/expected?pageSize=1&page=9`, { token: staff });
    expect(past.body).toMatchObject({ items: [], total: 2 });
    expect((await stack.http.get(`/api/check-in-lists/${list}/expected?bogus=1`, { token: staff })).status).toBe(400);
    expect((await stack.http.get(`/api/check-in-lists/${randomUUID()}/expected`, { token: staff })).status).toBe(404);
  });

  it('checks one in by registration id under the scan\'s rules: codes, nonce replay, audit', async () => {
    const n = nonce();
    const first = await stack.http.post('/api/check-ins/manual', { registrationId: ivanov.registrationId, listId: list, nonce: n, scannedAt }, { token: staff });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ code: 'CHECKED_IN', details: { delegate: { registrationId: ivanov.registrationId, nameNative: 'Иванов Пётр' } } });
    expect(first.body.details.delegate).not.toHaveProperty('delegation'); // a guest in no delegation
    const replay = await stack.http.post('/api/check-ins/manual', { registrationId: ivanov.registrationId, listId: list, nonce: n, scannedAt }, { token: staff });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    const reused = await stack.http.post('/api/check-ins/manual', { registrationId: li.registrationId, listId: list, nonce: n, scannedAt }, { token: staff });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('NONCE_REUSED');
    const waiting = await stack.http.post('/api/check-ins/manual', { registrationId: pending.registrationId, listId: list, nonce: nonce(), scannedAt }, { token: staff });
    expect(waiting.status).toBe(403);
    expect(waiting.body.code).toBe('REGISTRATION_PENDING');
    const unknown = await stack.http.post('/api/check-ins/manual', { registrationId: randomUUID(), listId: list, nonce: nonce(), scannedAt }, { token: staff });
    expect(unknown.status).toBe(404);
    const { rows } = await stack.db.pool.query(
      `SELECT action, entity_id, after FROM audit_log WHERE action = 'check_in.manual' ORDER BY id`,
    );
    // One entry per request that reached the check-in (the 404 did not).
    expect(rows.map((r) => [r.entity_id, r.after.code])).toEqual([
      [ivanov.registrationId, 'CHECKED_IN'],
      [ivanov.registrationId, 'CHECKED_IN'],
      [li.registrationId, 'NONCE_REUSED'],
      [pending.registrationId, 'REGISTRATION_PENDING'],
    ]);
    const counts = (await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE list_id = $1`, [list])).rows[0].n;
    expect(counts).toBe(2);
  });

  it('prints the door list in the reader\'s language with both scripts, delegation, category', async () => {
    for (const [lang, heading, category] of [['zh', '签到名单: 主入口', '企业代表'], ['ru', 'Список на входе: Главный вход', 'Деловые круги'], ['en', 'Door list: Main entrance', 'Business']] as const) {
      const pdf = await stack.http.bytes(`/api/check-in-lists/${list}/door-list.pdf?lang=${lang}`, { token: staff });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(pdf.body);
      for (const expected of [heading, '李刚', 'Li Gang', 'Иванов Пётр', 'Ivanov Pyotr', '中国代表团', category]) expect(text).toContain(expected);
      expect(text).not.toContain('Waiting Person');
    }
    expect((await stack.http.get(`/api/check-in-lists/${list}/door-list.pdf?lang=fr`, { token: staff })).status).toBe(400);
  });

  it('lets staff read the editions and their lists with live counts to pick one, and keeps delegates out', async () => {
    const events = await stack.http.get('/api/events', { token: staff });
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: { id: string }) => e.id)).toContain(eventId);
    const lists = await stack.http.get(`/api/events/${eventId}/check-in-lists`, { token: staff });
    expect(lists.body.items).toEqual([expect.objectContaining({ id: list, checkedIn: 2, expected: 2 })]);
    const [delegate] = await mintDelegates(stack, eventId, 1);
    expect((await stack.http.get(`/api/check-in-lists/${list}/expected`, { token: delegate.token })).status).toBe(403);
    expect((await stack.http.bytes(`/api/check-in-lists/${list}/door-list.pdf`, { token: delegate.token })).status).toBe(403);
    expect((await stack.http.post('/api/check-ins/manual', { registrationId: delegate.registrationId, listId: list, nonce: nonce(), scannedAt }, { token: delegate.token })).status).toBe(403);
  });

  it('serves the web app\'s manifest and service worker with their content types, the worker never cached long', async () => {
    const manifest = await stack.http.get('/console/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect(JSON.parse(manifest.text)).toMatchObject({ scope: '/console/', start_url: '/console/checkin', display: 'standalone' });
    const worker = await stack.http.get('/console/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });
});
