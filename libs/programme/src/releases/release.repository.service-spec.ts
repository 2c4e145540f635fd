import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertRelease } from '#testing/service-rows.js';
import { ReleaseRepository } from './release.repository.js';

describe(ReleaseRepository.name, () => {
  let context: ServiceContext;
  let releases: ReleaseRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [ReleaseRepository] });
    releases = context.get(ReleaseRepository);
  });
  afterAll(() => context?.close());

  it('names the latest release of every event that has one, and of one event', async () => {
    const two = await insertEvent(context.db.pool);
    const first = await insertRelease(context.db.pool, two.id, 1);
    const second = await insertRelease(context.db.pool, two.id, 2);
    const one = await insertEvent(context.db.pool);
    const only = await insertRelease(context.db.pool, one.id, 1);
    const none = await insertEvent(context.db.pool);

    const latest = await releases.latestIds();
    expect(latest).toEqual(expect.arrayContaining([second, only]));
    expect(latest).not.toContain(first);
    expect(await releases.latestIdOf(two.id)).toBe(second);
    expect(await releases.latestIdOf(none.id)).toBeNull();
  });

  it('gives the latest release of a published event by slug, with its fallback language; a draft edition has none', async () => {
    const published = await insertEvent(context.db.pool, { status: 'published' });
    await insertRelease(context.db.pool, published.id, 1);
    const latest = await insertRelease(context.db.pool, published.id, 2);
    const draft = await insertEvent(context.db.pool);
    await insertRelease(context.db.pool, draft.id, 1);

    expect(await releases.latestOfPublished(published.slug)).toEqual({ id: latest, number: 2, defaultLanguage: 'en' });
    expect(await releases.latestOfPublished(draft.slug)).toBeUndefined();
  });

  it('reads a release with its snapshot as stored, and nothing for an unknown id', async () => {
    const event = await insertEvent(context.db.pool);
    const snapshot = { event: { slug: event.slug }, sessions: [{ id: 's1' }], cancelledSessions: [] };
    const id = await insertRelease(context.db.pool, event.id, 1, snapshot);
    const row = await releases.snapshotOf(id);
    expect(row).toEqual({ id, number: 1, name: expect.objectContaining({ en: 'Release 1' }), publishedAt: expect.any(Date), snapshot });
    expect(await releases.snapshotOf(randomUUID())).toBeUndefined();
  });
});
