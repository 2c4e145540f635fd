import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent } from '#testing/edition-rows.js';
import { EventRepository } from './event.repository.js';

describe(EventRepository.name, () => {
  let context: ServiceContext;
  let events: EventRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [EventRepository] });
    events = context.get(EventRepository);
  });
  afterAll(() => context?.close());

  it('says whether an edition exists', async () => {
    const id = await insertEvent(context.db.pool);
    expect(await events.exists(context.dataSource.manager, id)).toBe(true);
    expect(await events.exists(context.dataSource.manager, randomUUID())).toBe(false);
  });

  it('gives the facts of many editions in one map, days as YYYY-MM-DD, unknown ids absent', async () => {
    const a = await insertEvent(context.db.pool, { slug: 'facts-a', firstDay: '2026-09-01', lastDay: '2026-09-03', timeZone: 'Asia/Almaty' });
    const b = await insertEvent(context.db.pool, { slug: 'facts-b', firstDay: '2027-05-10', lastDay: '2027-05-12' });
    const facts = await events.factsOf([a, b, a, randomUUID()]);
    expect([...facts.keys()].sort()).toEqual([a, b].sort());
    expect(facts.get(a)).toEqual({
      id: a,
      slug: 'facts-a',
      name: { en: 'Forum', zh: '论坛', ru: 'Форум' },
      city: { en: "Xi'an" },
      time_zone: 'Asia/Almaty',
      first_day: '2026-09-01',
      last_day: '2026-09-03',
      default_language: 'zh',
    });
    expect(await events.factsOf([])).toEqual(new Map());
  });

  it('reads the registration state by slug or id under a share lock held by the caller\'s transaction', async () => {
    const id = await insertEvent(context.db.pool, { slug: 'state-a', status: 'published' });
    const expected = { id, status: 'published', registrationMode: 'approval', consentNoticeVersion: '1', defaultLanguage: 'zh' };
    await context.transaction(async (manager) => {
      expect(await events.registrationStateForShare(manager, { slug: 'state-a' })).toEqual(expected);
      // While the share lock is held, another transaction cannot take the row for an update.
      const other = await context.db.pool.connect();
      try {
        await other.query('BEGIN');
        await expect(other.query(`SELECT 1 FROM event WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(/could not obtain lock/);
        await other.query('ROLLBACK');
      } finally {
        other.release();
      }
    });
    expect(await context.transaction((manager) => events.registrationStateForShare(manager, { id }))).toEqual(expected);
    expect(await context.transaction((manager) => events.registrationStateForShare(manager, { slug: 'no-such' }))).toBeUndefined();
  });
});
