import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { jest } from '@jest/globals';
import { PublicProgrammeService } from '#programme/index.js';
import { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

describe('Programme releases and the public programme', () => {
  let stack: TestStack;
  let admin: string;
  let organiser: string;
  let p: ProgrammeFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    await stack.http.post('/api/users', { email: 'organiser@example.org', displayName: 'Org', role: 'organiser', password: 'organiser password' }, { token: admin });
    organiser = await stack.http.login('organiser@example.org', 'organiser password');
    p = await buildProgramme(stack.http, organiser);
    const post = async (key: string, body: Record<string, unknown>) => {
      const result = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody(body), { token: organiser });
      if (result.status !== 201) throw new Error(result.text);
      ids[key] = result.body.id;
    };
    await post('opening', { kind: 'ceremony', title: { zh: '开幕式', en: 'Opening ceremony', ru: 'Церемония открытия' }, roomId: p.hall, trackId: p.track, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') });
    await post('forum', { title: tri('Logistics forum'), roomId: p.remote, trackId: p.track, startsAt: at('2025-07-18', '14:00'), endsAt: at('2025-07-18', '16:00') });
    await post('doomed', { title: tri('Side event'), kind: 'side_event', roomId: p.small, startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '10:00') });
    await post('closed', { title: tri('Signing'), kind: 'signing_ceremony', visibility: 'invitation', roomId: p.small, startsAt: at('2025-07-18', '12:00'), endsAt: at('2025-07-18', '12:30') });
    await post('draft', { title: tri('Not yet'), status: 'draft', roomId: p.small, startsAt: at('2025-07-18', '15:00'), endsAt: at('2025-07-18', '16:00') });
    await stack.http.post(`/api/events/${p.eventId}/sessions/${ids.forum}/roles`, { personId: p.people[0], role: 'moderator' }, { token: organiser });
  });
  afterAll(() => stack.close());

  const publish = (token: string, body: Record<string, unknown> = {}) =>
    stack.http.post(`/api/events/${p.eventId}/releases`, { name: tri('Programme'), ...body }, { token });

  it('shows nothing publicly before the first release', async () => {
    const result = await stack.http.get(`/api/public/events/${p.slug}/programme`);
    expect(result.status).toBe(404);
  });

  it('refuses to publish while texts lack a language, listing each gap, and shows them in the translation report', async () => {
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.forum}`, { theme: { zh: '国际物流大通道', en: 'International logistics corridor' } }, { token: organiser });
    const refused = await publish(organiser);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TRANSLATIONS_MISSING');
    // Each gap names its record, in the languages the record has, not only by id.
    const forumTitle = { zh: 'Logistics forum（中）', en: 'Logistics forum', ru: 'Logistics forum (рус.)' };
    expect(refused.body.details).toEqual([{ entity: 'session', id: ids.forum, field: 'theme', missing: ['ru'], label: forumTitle }]);
    const report = await stack.http.get(`/api/events/${p.eventId}/translation-report`, { token: organiser });
    expect(report.body).toMatchObject({ complete: false, total: 1, items: [{ field: 'theme', missing: ['ru'], label: forumTitle }] });
    // The preview meets the same gaps before anyone presses publish, and lists the first release as all additions.
    const preview = await stack.http.get(`/api/events/${p.eventId}/releases/preview`, { token: organiser });
    expect(preview.status).toBe(200);
    expect(preview.body.missingTranslations).toEqual(refused.body.details);
    expect(preview.body).toMatchObject({ unchanged: false, changes: { number: 1, previousNumber: null, cancelled: [] } });
    expect(preview.body.changes.added.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual([ids.opening, ids.forum, ids.doomed, ids.closed].sort());
    // The release's own name is public too.
    const unnamed = await publish(organiser, { name: { en: 'Only English' } });
    expect(unnamed.body.details).toEqual(expect.arrayContaining([{ entity: 'release', id: 'new', field: 'name', missing: ['zh', 'ru'], label: { en: 'Only English' } }]));
    // So is a speaker's name in Cyrillic.
    const noCyrillic = (await stack.http.post('/api/people', { nameNative: '李潇潇', nameLatin: 'Li Xiaoxiao' }, { token: organiser })).body.id;
    const role = await stack.http.post(`/api/events/${p.eventId}/sessions/${ids.opening}/roles`, { personId: noCyrillic, role: 'speaker' }, { token: organiser });
    const withName = await publish(organiser);
    // A person is named as the public programme shows them: native name in Chinese, Latin letters in English.
    expect(withName.body.details).toEqual(
      expect.arrayContaining([{ entity: 'person', id: noCyrillic, field: 'nameCyrillic', missing: ['ru'], label: { zh: '李潇潇', en: 'Li Xiaoxiao' } }]),
    );
    await stack.http.request('DELETE', `/api/events/${p.eventId}/sessions/${ids.opening}/roles/${role.body.id}`, undefined, { token: organiser });
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM schedule_release WHERE event_id = $1`, [p.eventId]);
    expect(rows[0].n).toBe(0);
  });

  it('shows the release preview to programme writers only, and answers 404 for an unknown event', async () => {
    await stack.http.post('/api/users', { email: 'staff-preview@example.org', displayName: 'Staff', role: 'staff', password: 'password of twelve' }, { token: admin });
    const staff = await stack.http.login('staff-preview@example.org', 'password of twelve');
    const refused = await stack.http.get(`/api/events/${p.eventId}/releases/preview`, { token: staff });
    expect(refused.status).toBe(403);
    const unknown = await stack.http.get('/api/events/00000000-0000-4000-8000-000000000000/releases/preview', { token: organiser });
    expect(unknown.status).toBe(404);
  });

  it('lets only an admin override missing translations, and records the override in the audit log', async () => {
    const organiserOverride = await publish(organiser, { overrideMissingTranslations: true });
    expect(organiserOverride.status).toBe(403);
    expect(organiserOverride.body.code).toBe('OVERRIDE_NEEDS_ADMIN');
    const released = await publish(admin, { overrideMissingTranslations: true, name: { zh: '第一版', en: 'First edition', ru: 'Первая версия' } });
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ number: 1, translationsOverridden: true, sessionCount: 4 });
    const audit = await stack.http.get(`/api/audit?action=release.published_with_missing_translations`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'admin', after: { number: 1, missingTranslations: [expect.objectContaining({ field: 'theme' })] } });
  });

  it('keeps a draft edition\'s release from the public, answering as for an unknown slug, until the edition is published', async () => {
    const unknown = await stack.http.get('/api/public/events/no-such-event/programme');
    expect(unknown.status).toBe(404);
    const event = await stack.http.get(`/api/events/${p.eventId}`, { token: organiser });
    expect(event.body.status).toBe('draft');
    for (const path of ['programme?lang=en', 'agenda.html?lang=en', 'outcomes']) {
      const hidden = await stack.http.get(`/api/public/events/${p.slug}/${path}`);
      expect({ path, status: hidden.status, code: hidden.body?.code }).toEqual({ path, status: 404, code: unknown.body.code });
    }
    // Organisers and staff read the release they are checking.
    const release = await stack.http.get(`/api/events/${p.eventId}/releases/1`, { token: organiser });
    expect(release.status).toBe(200);

    const published = await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published' }, { token: organiser });
    expect(published.status).toBe(200);
    const path = `/api/public/events/${p.slug}/programme?lang=en`;
    expect((await stack.http.get(path)).status).toBe(200);
    // The second is answered by the fast path; taking the edition back to draft stops it at once.
    expect((await stack.http.get(path)).status).toBe(200);
    expect((await stack.http.patch(`/api/events/${p.eventId}`, { status: 'draft' }, { token: organiser })).status).toBe(200);
    expect((await stack.http.get(path)).status).toBe(404);
    expect((await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published' }, { token: organiser })).status).toBe(200);
    expect((await stack.http.get(path)).status).toBe(200);
  });

  it('serves the latest release publicly in the language asked for, public sessions only', async () => {
    const ru = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=ru`);
    expect(ru.status).toBe(200);
    expect(ru.body).toMatchObject({ language: 'ru', release: { number: 1, name: 'Первая версия' }, event: { city: 'Циндао' } });
    const titles = ru.body.items.map((s: { title: string }) => s.title);
    expect(titles).toEqual(['Церемония открытия', 'Logistics forum (рус.)', 'Side event (рус.)']);
    const forum = ru.body.items[1];
    expect(forum).toMatchObject({ day: '2025-07-18', room: { name: 'Forum room (рус.)' }, track: { colour: '#1f6feb' }, fellBack: true });
    // The missing Russian theme falls back to the event's default language, Chinese.
    expect(forum.theme).toBe('国际物流大通道');
    expect(forum.people).toEqual([expect.objectContaining({ name: 'Ли Ган', nameNative: '李刚', role: 'moderator', position: 'Director (рус.)' })]);

    const zh = await stack.http.get(`/api/public/events/${p.slug}/programme`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    expect(zh.body.language).toBe('zh');
    expect(zh.body.items[0].title).toBe('开幕式');
    const fallback = await stack.http.get(`/api/public/events/${p.slug}/programme`, { headers: { 'accept-language': 'de-DE' } });
    expect(fallback.body.language).toBe('zh');
  });

  it('names its language in Content-Language, and refuses a ?lang= it does not offer with 400 listing zh, en and ru', async () => {
    const programme = `/api/public/events/${p.slug}/programme`;
    const ru = await stack.http.get(`${programme}?lang=ru&day=2025-07-19`);
    expect(ru.headers.get('content-language')).toBe('ru');
    // The repeat comes from the fast path, with the same header.
    expect((await stack.http.get(`${programme}?lang=ru&day=2025-07-19`)).headers.get('content-language')).toBe('ru');
    const byHeader = await stack.http.get(programme, { headers: { 'accept-language': 'de-DE' } });
    expect(byHeader.headers.get('content-language')).toBe('zh');
    expect((await stack.http.get(`${programme}?lang=en-GB`)).headers.get('content-language')).toBe('en');
    // Every public route that takes ?lang= parses it the same way.
    for (const path of ['programme?lang=de', 'programme?lang=DE&day=2025-07-18', 'agenda.pdf?lang=kk', 'outcomes?lang=fr']) {
      const refused = await stack.http.get(`/api/public/events/${p.slug}/${path}`);
      expect({ path, status: refused.status, code: refused.body.code, supported: refused.body.details?.supported }).toEqual({
        path,
        status: 400,
        code: 'UNSUPPORTED_LANGUAGE',
        supported: ['zh', 'en', 'ru'],
      });
    }
    const outcomes = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`);
    expect(outcomes.status).toBe(200);
    expect(outcomes.headers.get('content-language')).toBe('en');
  });

  it('shows a published edition publicly, with the consent notice a registration must accept; a draft one answers 404', async () => {
    const edition = await stack.http.get(`/api/public/events/${p.slug}`);
    expect(edition.status).toBe(200);
    expect(edition.body).toEqual({
      slug: p.slug,
      name: tri('Test conference'),
      city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' },
      timeZone: 'Asia/Shanghai',
      firstDay: '2025-07-18',
      lastDay: '2025-07-19',
      defaultLanguage: 'zh',
      registrationMode: 'approval',
      consentNotice: { version: '1', text: null },
    });
    const patch = (body: Record<string, unknown>) => stack.http.patch(`/api/events/${p.eventId}`, body, { token: organiser });
    // Consent is given to a text the delegate can read: all three languages.
    const partial = await patch({ consentNotice: { en: 'We process your data to run the conference.' } });
    expect(partial.status).toBe(400);
    const notice = tri('We process your data to run the conference.');
    expect((await patch({ consentNotice: notice })).status).toBe(200);
    expect((await stack.http.get(`/api/public/events/${p.slug}`)).body.consentNotice).toEqual({ version: '1', text: notice });
    // Registrations record the version only, so a version keeps meaning one text.
    const reworded = await patch({ consentNotice: tri('We process your data to run the conference, and keep it for a year.') });
    expect(reworded.status).toBe(422);
    expect(reworded.body.code).toBe('CONSENT_NOTICE_NEEDS_NEW_VERSION');
    expect((await patch({ consentNotice: tri('We keep your data for a year.'), consentNoticeVersion: '2' })).status).toBe(200);
    expect((await stack.http.get(`/api/public/events/${p.slug}`)).body.consentNotice).toEqual({ version: '2', text: tri('We keep your data for a year.') });

    const unknown = await stack.http.get('/api/public/events/no-such-event');
    expect(unknown.status).toBe(404);
    const draft = await buildProgramme(stack.http, organiser);
    const hidden = await stack.http.get(`/api/public/events/${draft.slug}`);
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: unknown.body.code });
  });

  it('filters by day, track, room and kind', async () => {
    const get = async (query: string) => (await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en&${query}`)).body.items.map((s: { title: string }) => s.title);
    expect(await get('day=2025-07-19')).toEqual(['Side event']);
    expect(await get(`track=${p.track}`)).toEqual(['Opening ceremony', 'Logistics forum']);
    expect(await get(`room=${p.remote}`)).toEqual(['Logistics forum']);
    expect(await get('kind=ceremony')).toEqual(['Opening ceremony']);
    const bad = await stack.http.get(`/api/public/events/${p.slug}/programme?kind=party`);
    expect(bad.status).toBe(400);
  });

  it('answers a repeat with 304 through its ETag, and serves repeats from memory', async () => {
    const first = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en&day=2025-07-18`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en&day=2025-07-18`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('cache-control')).toBe('public, no-cache');
    const weakInList = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en&day=2025-07-18`, {
      headers: { 'if-none-match': `"something-else", W/${etag}` },
    });
    expect(weakInList.status).toBe(304);
    const otherLanguage = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=ru&day=2025-07-18`, { headers: { 'if-none-match': etag } });
    expect(otherLanguage.status).toBe(200);

    const commits = async () =>
      Number((await stack.db.pool.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0].xact_commit);
    const before = await commits();
    await Promise.all(Array.from({ length: 50 }, () => stack.http.get(`/api/public/events/${p.slug}/programme?lang=en`)));
    // 50 requests cost at most a couple of small queries (the latest release is re-checked once a second), not 50.
    expect((await commits()) - before).toBeLessThanOrEqual(4);
  });

  it('sends gzip to a client that takes it and plain JSON to one that does not, the same bytes on the fast path', async () => {
    const path = `/api/public/events/${p.slug}/programme?lang=en&kind=forum`;
    // node:http, not fetch: fetch asks for gzip itself and unpacks it, hiding which encoding came.
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const request = httpGet(`${stack.http.baseUrl}${path}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
        });
        request.on('error', reject);
      });
    // The first request takes the full route and keeps its answer; the second is answered from it in the onRequest hook.
    const plainFull = await raw({});
    const plainFast = await raw({});
    const gzipped = await raw({ 'accept-encoding': 'gzip, deflate, br' });
    const refused = await raw({ 'accept-encoding': 'gzip;q=0, identity' });
    for (const answer of [plainFull, plainFast, refused]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    expect(plainFast.body.equals(plainFull.body)).toBe(true);
    expect(refused.body.equals(plainFull.body)).toBe(true);
    expect(JSON.parse(plainFull.body.toString()).items.map((s: { title: string }) => s.title)).toEqual(['Logistics forum']);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plainFull.body)).toBe(true);
    expect(gzipped.headers.vary).toBe('Accept-Language, Accept-Encoding');
    // Helmet's headers and the request id come with an answer from the fast path as with any other.
    expect(plainFast.headers['x-content-type-options']).toBe('nosniff');
    expect(plainFast.headers['x-request-id']).toBeTruthy();
    // Two representations, two strong ETags; each revalidates its own encoding only.
    expect(gzipped.headers.etag).not.toBe(plainFull.headers.etag);
    expect((await raw({ 'if-none-match': plainFull.headers.etag! })).status).toBe(304);
    expect((await raw({ 'if-none-match': gzipped.headers.etag!, 'accept-encoding': 'gzip' })).status).toBe(304);
    expect((await raw({ 'if-none-match': gzipped.headers.etag! })).status).toBe(200);
    expect((await raw({ 'if-none-match': plainFull.headers.etag!, 'accept-encoding': 'gzip' })).status).toBe(200);
    // The full route ran once for the first of these requests (and once for each encoding-blind URL above): the
    // repeats were answered by the hook, and a release older than a second makes the next request take it again.
    const service = stack.api!.get(PublicProgrammeService);
    const fullRoute = jest.spyOn(service, 'programme');
    try {
      const url = `/api/public/events/${p.slug}/programme?lang=zh&kind=forum`;
      for (let i = 0; i < 5; i += 1) expect((await stack.http.get(url)).status).toBe(200);
      expect(fullRoute).toHaveBeenCalledTimes(1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await stack.http.get(url)).status).toBe(200);
      expect(fullRoute).toHaveBeenCalledTimes(2);
    } finally {
      fullRoute.mockRestore();
    }
    // A query the full route refuses is never kept, so it is refused every time.
    for (let i = 0; i < 2; i += 1) expect((await stack.http.get(`/api/public/events/${p.slug}/programme?kind=forum&x=1`)).status).toBe(400);
  });

  it('keeps drafts out of the public view until the next release, whose differences it records', async () => {
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.forum}`, { theme: { zh: '国际物流大通道', en: 'International logistics corridor', ru: 'Международный логистический коридор' } }, { token: organiser });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.forum}`, { startsAt: at('2025-07-18', '14:30'), endsAt: at('2025-07-18', '16:30'), roomId: p.hall }, { token: organiser });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.opening}`, { title: { zh: '开幕式暨主旨演讲', en: 'Opening ceremony and keynotes', ru: 'Церемония открытия и основные доклады' } }, { token: organiser });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.doomed}`, { status: 'cancelled' }, { token: organiser });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.draft}`, { status: 'scheduled' }, { token: organiser });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.closed}`, { visibility: 'public' }, { token: organiser });
    const roles = await stack.http.get(`/api/events/${p.eventId}/sessions/${ids.forum}`, { token: organiser });
    await stack.http.request('DELETE', `/api/events/${p.eventId}/sessions/${ids.forum}/roles/${roles.body.roles[0].id}`, undefined, { token: organiser });
    await stack.http.post(`/api/events/${p.eventId}/sessions/${ids.forum}/roles`, { personId: p.people[1], role: 'speaker' }, { token: organiser });

    const stillOld = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en`);
    expect(stillOld.body.release.number).toBe(1);
    expect(stillOld.body.items.map((s: { title: string }) => s.title)).toContain('Side event');

    const preview = await stack.http.get(`/api/events/${p.eventId}/releases/preview`, { token: organiser });
    expect(preview.body).toMatchObject({ unchanged: false, missingTranslations: [] });
    const releasesBefore = await stack.db.pool.query(`SELECT count(*)::int AS n FROM schedule_release WHERE event_id = $1`, [p.eventId]);
    expect(releasesBefore.rows[0].n).toBe(1);
    const second = await publish(organiser, { name: tri('Second') });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ number: 2, translationsOverridden: false });

    const changes = await stack.http.get(`/api/events/${p.eventId}/releases/2/changes`, { token: organiser });
    expect(changes.status).toBe(200);
    const c = changes.body;
    // The preview promised exactly the change list publishing recorded.
    expect(preview.body.changes).toEqual(c);
    expect(c.previousNumber).toBe(1);
    expect(c.added.map((s: { sessionId: string }) => s.sessionId)).toEqual([ids.draft]);
    expect(c.cancelled.map((s: { sessionId: string }) => s.sessionId)).toEqual([ids.doomed]);
    expect(c.moved).toEqual([expect.objectContaining({ sessionId: ids.forum, from: expect.objectContaining({ startsAt: expect.stringContaining('06:00:00') }) })]);
    expect(c.roomChanged).toEqual([expect.objectContaining({ sessionId: ids.forum, fromRoomId: p.remote, roomId: p.hall })]);
    expect(c.retitled).toEqual([expect.objectContaining({ sessionId: ids.opening, fromTitle: expect.objectContaining({ en: 'Opening ceremony' }) })]);
    expect(c.speakersChanged).toEqual([
      expect.objectContaining({ sessionId: ids.forum, added: [{ personId: p.people[1], role: 'speaker' }], removed: [{ personId: p.people[0], role: 'moderator' }] }),
    ]);

    expect(c.visibilityChanged).toEqual([expect.objectContaining({ sessionId: ids.closed, fromVisibility: 'invitation', visibility: 'public' })]);
    expect(c.added[0]).toMatchObject({ visibility: 'public' });

    // Publishing wrote one outbox event carrying the changes, in the same transaction.
    const { rows } = await stack.db.pool.query(`SELECT payload FROM outbox WHERE name = 'schedule-released' ORDER BY id`);
    expect(rows.map((r) => r.payload.number)).toEqual([1, 2]);
    expect(rows[1].payload).toMatchObject({ eventId: p.eventId, changes: { cancelled: [expect.objectContaining({ sessionId: ids.doomed })] } });

    // Within a second the public sees release 2.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const latest = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en`);
    expect(latest.body.release.number).toBe(2);
    expect(latest.body.items.map((s: { title: string }) => s.title)).toEqual(['Opening ceremony and keynotes', 'Signing', 'Logistics forum', 'Not yet']);
  });

  it('refuses a release that changes nothing, and gives concurrent publishers distinct numbers', async () => {
    const nothing = await publish(organiser);
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('NO_CHANGES');
    const unchanged = await stack.http.get(`/api/events/${p.eventId}/releases/preview`, { token: organiser });
    expect(unchanged.body).toMatchObject({ unchanged: true, changes: { number: 3, previousNumber: 2, added: [], moved: [], retitled: [] } });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.draft}`, { title: tri('Now scheduled') }, { token: organiser });
    const results = await Promise.all(Array.from({ length: 5 }, () => publish(organiser)));
    expect(results.filter((r) => r.status === 201).map((r) => r.body.number)).toEqual([3]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(4).fill('NO_CHANGES'));
    const list = await stack.http.get(`/api/events/${p.eventId}/releases`, { token: organiser });
    expect(list.body.items.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
  });

  it('reports a release whose only change is speaking order under speakers changed, with the order before and after', async () => {
    await stack.http.post(`/api/events/${p.eventId}/sessions/${ids.forum}/roles`, { personId: p.people[2], role: 'speaker', protocolOrder: 2 }, { token: organiser });
    expect((await publish(organiser, { name: tri('Second speaker') })).status).toBe(201);
    const session = await stack.http.get(`/api/events/${p.eventId}/sessions/${ids.forum}`, { token: organiser });
    const roleOf = (personId: string) => session.body.roles.find((r: { personId: string }) => r.personId === personId).id as string;
    // Swap who speaks first: nobody joins or leaves.
    for (const [personId, protocolOrder] of [[p.people[1], 2], [p.people[2], 1]] as const) {
      const swapped = await stack.http.patch(`/api/events/${p.eventId}/sessions/${ids.forum}/roles/${roleOf(personId)}`, { protocolOrder }, { token: organiser });
      expect(swapped.status).toBe(200);
    }
    const released = await publish(organiser, { name: tri('Speaking order') });
    expect(released.status).toBe(201);
    const changes = await stack.http.get(`/api/events/${p.eventId}/releases/${released.body.number}/changes`, { token: organiser });
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({ added: [], cancelled: [], moved: [], roomChanged: [], retitled: [], visibilityChanged: [] });
    expect(changes.body.speakersChanged).toEqual([
      expect.objectContaining({
        sessionId: ids.forum,
        added: [],
        removed: [],
        order: {
          from: [{ personId: p.people[1], role: 'speaker', protocolOrder: 1 }, { personId: p.people[2], role: 'speaker', protocolOrder: 2 }],
          to: [{ personId: p.people[2], role: 'speaker', protocolOrder: 1 }, { personId: p.people[1], role: 'speaker', protocolOrder: 2 }],
        },
      }),
    ]);
    // The release before, which only added a speaker, has no order change.
    const before = await stack.http.get(`/api/events/${p.eventId}/releases/${released.body.number - 1}/changes`, { token: organiser });
    expect(before.body.speakersChanged).toEqual([expect.objectContaining({ added: [{ personId: p.people[2], role: 'speaker' }], order: null })]);
  });

  it('keeps releases immutable, even to a direct database write', async () => {
    await expect(stack.db.pool.query(`UPDATE schedule_release SET name = '{"en":"x"}' WHERE event_id = $1`, [p.eventId])).rejects.toThrow(/cannot be changed/);
    await expect(stack.db.pool.query(`DELETE FROM schedule_release WHERE event_id = $1`, [p.eventId])).rejects.toThrow(/cannot be changed/);
    const one = await stack.http.get(`/api/events/${p.eventId}/releases/1`, { token: organiser });
    expect(one.body).toMatchObject({ number: 1, name: { en: 'First edition' } });
    expect((await stack.http.get(`/api/events/${p.eventId}/releases/99`, { token: organiser })).status).toBe(404);
    expect((await stack.http.get(`/api/events/${p.eventId}/releases/zero`, { token: organiser })).status).toBe(400);
  });

  it('answers 404 for an unknown event slug', async () => {
    const result = await stack.http.get('/api/public/events/no-such-event/programme');
    expect(result.status).toBe(404);
  });
});
