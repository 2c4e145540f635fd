import { randomUUID } from 'node:crypto';
import { mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { tri } from './support/programme-fixtures.js';

/**
 * The scan is one call of scan_badge (migrations/1763740000008, 1763740000011): these cover what that function
 * itself must hold beyond enrolment-and-check-in's cases — a nonce raced by concurrent requests, a repeat that
 * waits on an uncommitted claim, a nonce that belongs to another scan, a badge of another event, an unknown list
 * writing nothing.
 */
describe('Check-in scan in one statement', () => {
  let stack: TestStack;
  let admin: string;
  let eventId: string;
  let list: string;

  const newEvent = async () => {
    const created = await stack.http.post(
      '/api/events',
      { slug: `scan-${randomUUID().slice(0, 8)}`, name: tri('Scan test'), city: tri('Qingdao'), timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19', defaultLanguage: 'en' },
      { token: admin },
    );
    if (created.status !== 201) throw new Error(created.text);
    return created.body.id as string;
  };
  const badgeOf = async (eventOf: string) => {
    const [d] = await mintDelegates(stack, eventOf, 1);
    const { rows } = await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [d.registrationId]);
    return { registrationId: d.registrationId, token: rows[0].badge_token as string };
  };
  const scan = (token: string, listId: string, nonce = `n-${randomUUID()}`) =>
    stack.http.post('/api/check-ins', { token, listId, nonce, scannedAt: '2025-07-18T08:31:00.123+08:00' }, { token: admin });
  const rowsOf = async (registrationId: string) =>
    (await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE registration_id = $1`, [registrationId])).rows[0].n as number;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    eventId = await newEvent();
    list = (await stack.http.post(`/api/events/${eventId}/check-in-lists`, { name: tri('Main entrance') }, { token: admin })).body.id;
  });
  afterAll(() => stack.close());

  it('gives ten simultaneous requests with one nonce the same answer, byte for byte, and writes one check-in and one scan row', async () => {
    const badge = await badgeOf(eventId);
    const nonce = `race-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => scan(badge.token, list, nonce)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(results[0].body).toEqual({
      statusCode: 201,
      code: 'CHECKED_IN',
      message: 'Welcome',
      details: {
        checkedInAt: '2025-07-18T00:31:00.123Z',
        delegate: { registrationId: badge.registrationId, nameNative: 'Делегат', nameLatin: 'Delegate', category: 'business', country: 'KZ' },
      },
    });
    expect(await rowsOf(badge.registrationId)).toBe(1);
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in_scan WHERE list_id = $1 AND nonce = $2`, [list, nonce]);
    expect(rows[0].n).toBe(1);
  });

  it('makes a repeat nonce (another badge) wait for the first scan to commit and then refuses it; after a rollback the repeat decides itself', async () => {
    const call = `SELECT scan_badge($1, $2, $3, '2025-07-18T08:31:00+08:00', NULL) AS answer`;
    for (const outcome of ['COMMIT', 'ROLLBACK'] as const) {
      const [first, second] = [await badgeOf(eventId), await badgeOf(eventId)];
      const nonce = `wait-${outcome}-${randomUUID()}`;
      const holder = await stack.db.pool.connect();
      try {
        await holder.query('BEGIN');
        const held = (await holder.query(call, [list, nonce, first.token])).rows[0].answer;
        expect(held.code).toBe('CHECKED_IN');
        // The repeat carries another badge: it must neither check that one in nor answer before the first commits.
        let settled = false;
        const repeat = stack.db.pool.query(call, [list, nonce, second.token]).then((r) => {
          settled = true;
          return r.rows[0].answer;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(settled).toBe(false);
        await holder.query(outcome);
        const answer = await repeat;
        if (outcome === 'COMMIT') {
          // The nonce is the first badge's now: the second is refused, not shown the first one's answer.
          expect(answer).toEqual({ code: 'NONCE_REUSED', details: {} });
          expect(await rowsOf(second.registrationId)).toBe(0);
        } else {
          expect(answer).toMatchObject({ code: 'CHECKED_IN', details: { delegate: { registrationId: second.registrationId } } });
          expect(await rowsOf(second.registrationId)).toBe(1);
          expect(await rowsOf(first.registrationId)).toBe(0);
        }
      } finally {
        holder.release(true); // discarded, so a failed step cannot leave an open transaction in the pool
      }
    }
  });

  it('replays an answer stored whole before scan_badge (status and message in the row) as it was, to the badge it names only', async () => {
    const badge = await badgeOf(eventId);
    const nonce = `old-${randomUUID()}`;
    const old = {
      statusCode: 409,
      code: 'ALREADY_CHECKED_IN',
      message: 'This badge was already checked in on this list',
      details: { checkedInAt: '2025-07-18T00:31:00.000Z', delegate: { registrationId: badge.registrationId, nameNative: null, nameLatin: 'Delegate', category: 'media', country: null } },
    };
    // As such rows were: no digest of the badge (migration 1763740000011 added it).
    await stack.db.pool.query(`INSERT INTO check_in_scan (list_id, event_id, nonce, answer) VALUES ($1, $2, $3, $4)`, [list, eventId, nonce, old]);
    const replay = await scan(badge.token, list, nonce);
    expect(replay.status).toBe(409);
    expect(replay.text).toBe(JSON.stringify(old));
    const other = await scan((await badgeOf(eventId)).token, list, nonce);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('NONCE_REUSED');
  });

  describe('a nonce used by another scan', () => {
    const reused = {
      statusCode: 409,
      code: 'NONCE_REUSED',
      message: 'This nonce belongs to another scan (another badge or another list); nothing was checked in, scan again with a new nonce',
      details: {},
    };
    let otherList: string;
    beforeAll(async () => {
      otherList = (await stack.http.post(`/api/events/${eventId}/check-in-lists`, { name: tri('Side entrance') }, { token: admin })).body.id;
    });

    it('refuses another badge with a nonce used on the list, names no one, checks no one in, and still replays the first scan', async () => {
      const [ivan, aigerim] = [await badgeOf(eventId), await badgeOf(eventId)];
      const nonce = `scan-0001-${randomUUID()}`;
      const first = await scan(ivan.token, list, nonce);
      expect(first.status).toBe(201);
      const second = await scan(aigerim.token, list, nonce);
      expect(second.status).toBe(409);
      expect(second.body).toEqual(reused);
      expect(await rowsOf(aigerim.registrationId)).toBe(0);
      const replay = await scan(ivan.token, list, nonce);
      expect(replay.status).toBe(201);
      expect(replay.text).toBe(first.text);
      // Aigerim's next scan, with a fresh nonce, lets her in.
      expect((await scan(aigerim.token, list)).body).toMatchObject({ code: 'CHECKED_IN', details: { delegate: { registrationId: aigerim.registrationId } } });
    });

    it('refuses the nonce on another list of the edition, for the same badge or another, and writes nothing there', async () => {
      const [ivan, aigerim] = [await badgeOf(eventId), await badgeOf(eventId)];
      const nonce = `scan-0002-${randomUUID()}`;
      expect((await scan(ivan.token, list, nonce)).status).toBe(201);
      for (const badge of [ivan, aigerim]) {
        const elsewhere = await scan(badge.token, otherList, nonce);
        expect(elsewhere.status).toBe(409);
        expect(elsewhere.body).toEqual(reused);
      }
      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE list_id = $1 AND registration_id = ANY($2)`, [
        otherList,
        [ivan.registrationId, aigerim.registrationId],
      ]);
      expect(rows[0].n).toBe(0);
    });

    it('holds a nonce per edition: another edition\'s list takes it', async () => {
      const otherEvent = await newEvent();
      const theirList = (await stack.http.post(`/api/events/${otherEvent}/check-in-lists`, { name: tri('Main entrance') }, { token: admin })).body.id;
      const nonce = `scan-0003-${randomUUID()}`;
      expect((await scan((await badgeOf(eventId)).token, list, nonce)).status).toBe(201);
      expect((await scan((await badgeOf(otherEvent)).token, theirList, nonce)).body.code).toBe('CHECKED_IN');
    });

    it('lets exactly one of two badges scanned at once with one nonce in; the other gets NONCE_REUSED', async () => {
      for (let round = 0; round < 5; round++) {
        const [a, b] = [await badgeOf(eventId), await badgeOf(eventId)];
        const nonce = `race-two-${round}-${randomUUID()}`;
        // On the same list, and across two lists (the edition's key), each at once.
        const [first, second] = await Promise.all([scan(a.token, list, nonce), scan(b.token, round % 2 ? otherList : list, nonce)]);
        expect([first.body.code, second.body.code].sort()).toEqual(['CHECKED_IN', 'NONCE_REUSED']);
        const winner = first.body.code === 'CHECKED_IN' ? { answer: first, badge: a } : { answer: second, badge: b };
        const loser = winner.badge === a ? b : a;
        expect(winner.answer.body.details.delegate.registrationId).toBe(winner.badge.registrationId);
        expect(await rowsOf(winner.badge.registrationId)).toBe(1);
        expect(await rowsOf(loser.registrationId)).toBe(0);
        const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in_scan WHERE event_id = $1 AND nonce = $2`, [eventId, nonce]);
        expect(rows[0].n).toBe(1);
      }
    });

    it('answers each scan of a batch alike: the same scan replays, another badge or list with the nonce is NONCE_REUSED', async () => {
      const [ivan, aigerim] = [await badgeOf(eventId), await badgeOf(eventId)];
      const nonce = `batch-${randomUUID()}`;
      const at = '2025-07-18T08:40:00+08:00';
      const result = await stack.http.post(
        '/api/check-ins/batch',
        {
          scans: [
            { token: ivan.token, listId: list, nonce, scannedAt: at },
            { token: aigerim.token, listId: list, nonce, scannedAt: at },
            { token: ivan.token, listId: otherList, nonce, scannedAt: at },
            { token: ivan.token, listId: list, nonce, scannedAt: at },
          ],
        },
        { token: admin },
      );
      expect(result.status).toBe(200);
      const answers = result.body.answers as { nonce: string; statusCode: number; code: string; details: { delegate?: { registrationId: string } } }[];
      expect(answers.map((a) => `${a.statusCode}:${a.code}`)).toEqual(['201:CHECKED_IN', '409:NONCE_REUSED', '409:NONCE_REUSED', '201:CHECKED_IN']);
      expect(answers[1]).toEqual({ nonce, ...reused });
      expect(answers[3]).toEqual(answers[0]);
      expect(await rowsOf(aigerim.registrationId)).toBe(0);
    });
  });

  it('answers a badge of another event WRONG_EVENT without naming the delegate, and checks nothing in', async () => {
    const stranger = await badgeOf(await newEvent());
    const result = await scan(stranger.token, list);
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ statusCode: 403, code: 'WRONG_EVENT', message: 'This badge is for another event', details: {} });
    expect(await rowsOf(stranger.registrationId)).toBe(0);
  });

  it('answers an unknown list 404 and writes nothing', async () => {
    const badge = await badgeOf(eventId);
    const nonce = `nolist-${randomUUID()}`;
    const missing = randomUUID();
    const result = await scan(badge.token, missing, nonce);
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: 'NOT_FOUND', details: { listId: missing } });
    expect(await rowsOf(badge.registrationId)).toBe(0);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in_scan WHERE nonce = $1`, [nonce])).rows[0].n).toBe(0);
  });
});
