import { DEMO_DELEGATES_2025, DEMO_EDITION_2025, DemoDelegatesSeeder, DemoSeeder } from '#demo/index.js';
import { TestStack } from '#testing/test-stack.js';

describe('The 2025 demo programme (npm run seed:demo)', () => {
  let stack: TestStack;
  let token: string;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    token = await stack.loginAsAdmin();
  });
  afterAll(() => stack.close());

  it('loads once, publishes release 1, and changes nothing when run again', async () => {
    const seeder = stack.api!.get(DemoSeeder, { strict: false });
    const first = await seeder.seed();
    expect(first.inserted).toBeGreaterThan(50);
    expect(first.releaseNumber).toBe(1);
    const counts = () =>
      stack.db.pool.query(`SELECT (SELECT count(*) FROM session) s, (SELECT count(*) FROM person) p, (SELECT count(*) FROM schedule_release) r,
                                  (SELECT count(*) FROM audit_log) a, (SELECT count(*) FROM outbox) o`);
    const before = (await counts()).rows[0];
    const second = await seeder.seed();
    expect(second).toMatchObject({ inserted: 0, releaseNumber: 1 });
    expect((await counts()).rows[0]).toEqual(before);
    expect(Number(before.s)).toBe(DEMO_EDITION_2025.event.sessions.length);
  });

  it('is a published edition whose consent notice a guest can read before registering', async () => {
    const edition = await stack.http.get(`/api/public/events/${DEMO_EDITION_2025.event.slug}`);
    expect(edition.status).toBe(200);
    expect(edition.body).toMatchObject({ slug: DEMO_EDITION_2025.event.slug, consentNotice: { version: '1', text: DEMO_EDITION_2025.event.consentNotice } });
  });

  it('brings a few dozen delegates from the SCO countries, in their own scripts, with seats in the forums; once', async () => {
    const seeder = stack.api!.get(DemoDelegatesSeeder, { strict: false });
    expect(await seeder.seed()).toBe(DEMO_DELEGATES_2025.length);
    expect(await seeder.seed()).toBe(0);
    const event = (await stack.http.get('/api/events', { token })).body.items.find((e: { slug: string }) => e.slug === 'sco-local-trade-2025');
    const list = await stack.http.get(`/api/events/${event.id}/registrations?status=approved&pageSize=100`, { token });
    expect(list.body.total).toBe(DEMO_DELEGATES_2025.length);
    const countries = new Set(list.body.items.map((r: { country: string }) => r.country));
    expect(countries.size).toBeGreaterThanOrEqual(8);
    const names = list.body.items.map((r: { nameNative: string }) => r.nameNative).join(' ');
    expect(names).toMatch(/[а-яё]/i);
    expect(names).toMatch(/[\u4e00-\u9fff]/);
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM enrolment WHERE status = 'enrolled'`);
    expect(rows[0].n).toBe(DEMO_DELEGATES_2025.length);
    const participants = await stack.http.get(`/api/events/${event.id}/participants.csv`, { token });
    expect(participants.text.trim().split('\n').length - 1).toBe(DEMO_DELEGATES_2025.filter((d) => d.listedConsent).length);
  });

  it('is complete in three languages and free of conflicts', async () => {
    const event = (await stack.http.get('/api/events', { token })).body.items.find((e: { slug: string }) => e.slug === 'sco-local-trade-2025');
    const report = await stack.http.get(`/api/events/${event.id}/translation-report`, { token });
    expect(report.body).toMatchObject({ complete: true, total: 0 });
    const conflicts = await stack.http.get(`/api/events/${event.id}/conflicts`, { token });
    expect(conflicts.body.hard).toBe(0);
  });

  it('shows the four parallel forums of the SCO Industrial and Supply Chain meeting, in Russian', async () => {
    const forums = await stack.http.get('/api/public/events/sco-local-trade-2025/programme?lang=ru&kind=forum&day=2025-07-18');
    expect(forums.status).toBe(200);
    const items = forums.body.items as { title: string; startsAt: string; room: { id: string } }[];
    expect(items).toHaveLength(4);
    expect(new Set(items.map((s) => s.startsAt)).size).toBe(1);
    expect(new Set(items.map((s) => s.room.id)).size).toBe(4);
    for (const item of items) expect(item.title).toMatch(/[а-яё]/i);
    const zh = await stack.http.get('/api/public/events/sco-local-trade-2025/programme?lang=zh');
    expect(zh.body.event.name).toContain('上海合作组织');
    const newEnergy = (zh.body.items as { theme: string | null }[]).find((s) => s.theme?.includes('绿色丝路'));
    expect(newEnergy).toBeDefined();
    // Invitation-only sessions (the signing, the alliance meeting) and tracks only they use stay out of public view.
    const sessions = DEMO_EDITION_2025.event.sessions;
    const publicTracks = new Set(sessions.filter((s) => s.visibility === 'public' && s.trackKey).map((s) => s.trackKey));
    expect(publicTracks.size).toBeLessThan(DEMO_EDITION_2025.event.tracks.length);
    expect(zh.body.tracks).toHaveLength(publicTracks.size);
    expect(zh.body.total).toBe(sessions.filter((s) => s.visibility === 'public').length);
  });
});
