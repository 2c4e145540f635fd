import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent } from '#testing/service-rows.js';
import { EventRepository } from './event.repository.js';

describe(EventRepository.name, () => {
  let context: ServiceContext;
  let events: EventRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [EventRepository] });
    events = context.get(EventRepository);
  });
  afterAll(() => context?.close());

  it('tells whether an event exists, also inside a transaction that created it', async () => {
    const event = await insertEvent(context.db.pool);
    expect(await events.exists(context.dataSource.manager, event.id)).toBe(true);
    expect(await events.exists(context.dataSource.manager, randomUUID())).toBe(false);
    // Uncommitted rows are seen by the transaction that wrote them, and only by it.
    await context.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO event (slug, name, city, time_zone, first_day, last_day, default_language)
         VALUES ('svc-in-transaction', '{"en":"x"}', '{"en":"x"}', 'UTC', '2025-01-01', '2025-01-01', 'en') RETURNING id`,
      );
      expect(await events.exists(manager, id)).toBe(true);
      expect(await events.exists(context.dataSource.manager, id)).toBe(false);
    });
  });

  it('gives an event\'s slug, and nothing for an unknown id', async () => {
    const event = await insertEvent(context.db.pool, { slug: 'svc-slug-of' });
    expect(await events.slugOf(event.id)).toBe('svc-slug-of');
    expect(await events.slugOf(randomUUID())).toBeUndefined();
  });

  it('finds a published event by slug with its name, language and zone, and never a draft', async () => {
    const published = await insertEvent(context.db.pool, { status: 'published', name: 'Expo' });
    const draft = await insertEvent(context.db.pool, { status: 'draft' });
    expect(await events.publishedBySlug(published.slug)).toEqual({
      id: published.id,
      name: { zh: 'Expo（中）', en: 'Expo', ru: 'Expo (ру)' },
      defaultLanguage: 'en',
      timeZone: 'Asia/Shanghai',
    });
    expect(await events.publishedBySlug(draft.slug)).toBeUndefined();
    expect(await events.publishedBySlug('svc-no-such-event')).toBeUndefined();
  });
});
