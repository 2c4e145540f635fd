import { EventRepository, OrganisationRepository, PersonRepository, SessionRepository } from '#programme/index.js';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertOrganisation, insertPerson, insertSession, insertTrack } from '#testing/service-rows.js';
import { OutcomeLoader } from '../outcomes/load-outcomes.js';
import { PublicOutcomesService } from './public-outcomes.service.js';

/**
 * The public list reads its sessions through programme's repository and orders in memory: the order must be the one
 * the single SQL statement gave when it joined `session` itself (kept here as the reference).
 */
describe(PublicOutcomesService.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({
      providers: [PublicOutcomesService, OutcomeLoader, EventRepository, SessionRepository, OrganisationRepository, PersonRepository],
    });
  });
  afterAll(() => context?.close());

  it('orders and groups outcomes as the joined query did, names sessions the public sees only, and names parties and people from the directory', async () => {
    const { pool } = context.db;
    const event = await insertEvent(pool, { status: 'published' });
    const track = await insertTrack(pool, event.id, 'Logistics');
    const later = await insertSession(pool, event.id, { title: 'Later', startsAt: '2025-07-19T02:00:00Z' });
    const open = await insertSession(pool, event.id, { title: 'Open', startsAt: '2025-07-18T03:00:00Z', trackId: track });
    const closed = await insertSession(pool, event.id, { title: 'Closed', startsAt: '2025-07-18T01:00:00Z', visibility: 'invitation' });
    const cases: [string | null, number | null, string | null][] = [
      [open, 2, null],
      [open, 1, '2025-07-18T03:30:00Z'],
      [open, null, '2025-07-18T03:10:00Z'],
      [open, null, null],
      [null, null, '2025-07-18T05:00:00Z'],
      [null, 1, null],
      [null, null, null],
      [closed, 1, null],
      [closed, null, '2025-07-18T01:20:00Z'],
      [later, null, null],
      [later, 3, '2025-07-19T02:10:00Z'],
    ];
    for (const [sessionId, signingOrder, occurredAt] of [...cases, ...cases]) {
      await pool.query(
        `INSERT INTO outcome (event_id, kind, title, session_id, signing_order, occurred_at, status, done_at, approved_at)
         VALUES ($1, 'announcement', '{"zh":"公告","en":"Announcement","ru":"Объявление"}', $2, $3, $4, 'done', now(), now())`,
        [event.id, sessionId, signingOrder, occurredAt],
      );
    }
    // Not on the list: not approved.
    await pool.query(`INSERT INTO outcome (event_id, kind, title, session_id, status, done_at) VALUES ($1, 'announcement', '{"en":"Draft"}', $2, 'done', now())`, [event.id, open]);
    const port = await insertOrganisation(pool, 'Qingdao Port', 'CN');
    const wang = await insertPerson(pool, { nameNative: '王明', nameLatin: 'Wang Ming', nameCyrillic: 'Ван Мин' });
    const [{ id: named }] = (await pool.query(`SELECT id FROM outcome WHERE event_id = $1 AND session_id = $2 AND signing_order = 2 LIMIT 1`, [event.id, open])).rows;
    await pool.query(`INSERT INTO outcome_party (outcome_id, organisation_id, role) VALUES ($1, $2, 'party')`, [named, port]);
    await pool.query(`INSERT INTO outcome_person (outcome_id, person_id, role, protocol_order) VALUES ($1, $2, 'witness', 1)`, [named, wang]);

    const reference = (await pool.query(
      `SELECT o.id, s.id AS session_id, s.visibility FROM outcome o LEFT JOIN session s ON s.id = o.session_id
        WHERE o.event_id = $1 AND o.approved_at IS NOT NULL AND o.status IN ('signed', 'done')
        ORDER BY s.starts_at NULLS LAST, o.signing_order NULLS LAST, o.occurred_at NULLS LAST, o.id`,
      [event.id],
    )).rows as { id: string; session_id: string | null; visibility: string | null }[];
    const expected = new Map<string, string[]>();
    for (const row of reference) {
      const key = row.session_id && row.visibility === 'public' ? row.session_id : 'none';
      expected.set(key, [...(expected.get(key) ?? []), row.id]);
    }

    const list = await context.get(PublicOutcomesService).list(event.slug, 'ru', undefined);
    expect(list.counts.total).toBe(cases.length * 2);
    expect(list.groups.map((group) => [group.session?.id ?? 'none', group.outcomes.map((o) => o.id)])).toEqual([...expected.entries()]);
    const openGroup = list.groups.find((group) => group.session?.id === open)!;
    expect(openGroup.session).toEqual({ id: open, title: 'Open (ру)', startsAt: '2025-07-18T03:00:00.000Z' });
    expect(openGroup.track).toEqual({ id: track, name: 'Logistics (ру)', colour: '#336699' });
    const outcome = openGroup.outcomes.find((o) => o.id === named)!;
    expect(outcome.parties).toEqual([{ name: 'Qingdao Port (ру)', country: 'CN', role: 'party' }]);
    expect(outcome.people).toEqual([{ name: 'Ван Мин', role: 'witness', protocolOrder: 1 }]);
  });
});
