import { AgendaBuilder } from '#agenda/index.js';
import { LANGUAGES } from '#core/i18n/language.js';
import { DEMO_EDITION_2025, DEMO_OUTCOMES_2025, DemoOutcomesSeeder, DemoSeeder } from '#demo/index.js';
import { mintDelegates } from '#testing/delegates.js';
import { pdfText, withoutSpaces } from '#testing/pdf-text.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';

const SLUG = 'sco-local-trade-2025';
const sessions = DEMO_EDITION_2025.event.sessions;
const publicSessions = sessions.filter((s) => s.visibility === 'public');
const hiddenSessions = sessions.filter((s) => s.visibility !== 'public');

/** The trilingual agendas of issue 6 on one queue backend, from the real 2025 programme. */
export function describeAgendas(backend: QueueBackend): void {
  describe(`Trilingual agendas (HTML, PDF, iCalendar) on the ${backend} queue backend`, () => {
    let stack: TestStack;
    let organiser: string;
    let eventId: string;

    beforeAll(async () => {
      stack = await TestStack.create({ backend });
      await stack.startApi();
      organiser = await stack.loginAsAdmin();
      // The release is published while no worker runs: its documents wait in the outbox.
      await stack.api!.get(DemoSeeder, { strict: false }).seed();
      await stack.api!.get(DemoOutcomesSeeder, { strict: false }).seed();
      eventId = (await stack.db.pool.query(`SELECT id FROM event WHERE slug = $1`, [SLUG])).rows[0].id;
    });
    afterAll(() => stack?.close());

    const documents = async () => (await stack.db.pool.query(`SELECT count(*)::int AS n FROM agenda_document`)).rows[0].n as number;

    it('answers 503 AGENDA_NOT_READY with Retry-After until the worker has built the release, then serves all nine documents', async () => {
      const early = await stack.http.get(`/api/public/events/${SLUG}/agenda.pdf?lang=en`);
      expect(early.status).toBe(503);
      expect(early.body.code).toBe('AGENDA_NOT_READY');
      expect(early.headers.get('retry-after')).toBe('5');
      // An ordinary state clients poll: one line at info (30) without a stack, never 'request failed' at error.
      const told = stack.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.code === 'AGENDA_NOT_READY' || entry.msg === 'request failed');
      expect(told).toEqual([expect.objectContaining({ level: 30, code: 'AGENDA_NOT_READY', msg: 'request answered: not ready yet' })]);
      expect(told[0]).not.toHaveProperty('err');

      await stack.startWorker();
      await eventually(async () => (await documents()) === 9, 30_000, 'nine documents');
      const { rows } = await stack.db.pool.query(`SELECT language, format FROM agenda_document ORDER BY language, format`);
      expect(rows.map((r) => `${r.language}.${r.format}`)).toEqual(['en.html', 'en.ics', 'en.pdf', 'ru.html', 'ru.ics', 'ru.pdf', 'zh.html', 'zh.ics', 'zh.pdf']);
      expect((await stack.http.get(`/api/public/events/${SLUG}/agenda.doc`)).status).toBe(404);
      expect((await stack.http.get(`/api/public/events/no-such-event/agenda.pdf`)).status).toBe(404);
    });

    it.each(LANGUAGES)('serves a PDF in %s in which every public title reads back with pdftotext, and no hidden one', async (language) => {
      const pdf = await stack.http.bytes(`/api/public/events/${SLUG}/agenda.pdf?lang=${language}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = withoutSpaces(pdfText(pdf.body));
      for (const session of publicSessions) expect(text).toContain(withoutSpaces(session.title[language]));
      for (const session of hiddenSessions) expect(text).not.toContain(withoutSpaces(session.title[language]));
    });

    it('serves print-ready HTML in the language asked for, or by Accept-Language, with an ETag that answers 304', async () => {
      const ru = await stack.http.get(`/api/public/events/${SLUG}/agenda.html?lang=ru`);
      expect(ru.status).toBe(200);
      expect(ru.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(ru.headers.get('content-language')).toBe('ru');
      expect(ru.text).toContain('lang="ru"');
      expect(ru.text).toContain('@media print');
      for (const session of publicSessions) expect(ru.text).toContain(session.title.ru.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      const zh = await stack.http.get(`/api/public/events/${SLUG}/agenda.html`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
      expect(zh.text).toContain(publicSessions[0].title.zh);
      expect(zh.headers.get('content-language')).toBe('zh');
      const again = await stack.http.get(`/api/public/events/${SLUG}/agenda.html?lang=ru`, { headers: { 'if-none-match': ru.headers.get('etag')! } });
      expect(again.status).toBe(304);
    });

    it('serves an iCalendar feed with one event per public session, its room and the event time zone', async () => {
      const ics = await stack.http.get(`/api/public/events/${SLUG}/agenda.ics?lang=en`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(publicSessions.length);
      expect(unfolded).toContain('BEGIN:VTIMEZONE');
      expect(unfolded).toContain('TZID:Asia/Shanghai');
      const opening = publicSessions[0];
      expect(unfolded).toContain(`SUMMARY:${opening.title.en}`);
      expect(unfolded).toMatch(/DTSTART;TZID=Asia\/Shanghai:20250718T090000/);
      expect(unfolded).toMatch(/LOCATION:[^\r\n]+/);
    });

    it('builds each document once: a repeated release job and a repeated build store nothing new', async () => {
      const builder = stack.workerContext().get(AgendaBuilder);
      const [release] = (await stack.db.pool.query(`SELECT id FROM schedule_release ORDER BY number DESC LIMIT 1`)).rows;
      const before = (await stack.db.pool.query(`SELECT language, format, built_at FROM agenda_document ORDER BY 1, 2`)).rows;
      expect(await builder.build(release.id, 'zh', 'pdf')).toEqual({ built: false, reason: 'exists' });
      await Promise.all([builder.planRelease(release.id), builder.planRelease(release.id)]);
      // Eighteen more jobs ran (or will): every one finds its document.
      await eventually(async () => {
        const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE name = 'build-agenda' AND sent_at IS NULL`);
        return rows[0].n === 0;
      }, 10_000, 'the repeated builds relayed');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await stack.db.pool.query(`SELECT language, format, built_at FROM agenda_document ORDER BY 1, 2`)).rows).toEqual(before);
    });

    it('builds a new set for a new release, which the download then serves', async () => {
      const session = (await stack.db.pool.query(`SELECT id FROM session WHERE title->>'en' = $1`, [publicSessions[1].title.en])).rows[0].id;
      const moved = await stack.http.patch(`/api/events/${eventId}/sessions/${session}`, { title: { ...publicSessions[1].title, en: 'Release of the Qingdao Initiative (moved)' } }, { token: organiser });
      expect(moved.status).toBe(200);
      const release = await stack.http.post(`/api/events/${eventId}/releases`, { name: { zh: '第二版', en: 'Second', ru: 'Вторая' } }, { token: organiser });
      expect(release.status).toBe(201);
      await eventually(async () => (await documents()) === 18, 30_000, 'the second release\'s nine documents');
      const html = await stack.http.get(`/api/public/events/${SLUG}/agenda.html?lang=en`);
      expect(html.text).toContain('Release of the Qingdao Initiative (moved)');
    });

    it('gives a delegate their own agenda (their seats only, their language), rebuilt when their seats change', async () => {
      const [mine, theirs] = await mintDelegates(stack, eventId, 2);
      const ids = async (titles: string[]) =>
        (await stack.db.pool.query(`SELECT id, title->>'en' AS en FROM session WHERE title->>'en' = ANY($1)`, [titles])).rows as { id: string; en: string }[];
      const [first, second] = await ids([publicSessions[0].title.en, publicSessions[2].title.en]);
      const enrol = async (sessionId: string) =>
        expect((await stack.http.post(`/api/me/registrations/${mine.registrationId}/enrolments`, { sessionId }, { token: mine.token })).status).toBe(201);
      await enrol(first.id);
      const path = `/api/me/registrations/${mine.registrationId}/agenda`;
      // Minted delegates read Russian.
      const html = await stack.http.get(`${path}.html`, { token: mine.token });
      expect(html.status).toBe(200);
      // Personal: no copy kept by browsers or proxies (apps/api/src/no-store-personal-answers.ts).
      expect(html.headers.get('cache-control')).toBe('no-store');
      const ruTitle = (en: string) => publicSessions.find((s) => s.title.en === en)!.title.ru;
      expect(html.text).toContain(ruTitle(first.en));
      expect(html.text).not.toContain(ruTitle(second.en));
      const ics = await stack.http.get(`${path}.ics`, { token: mine.token });
      expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);

      await enrol(second.id);
      const after = await stack.http.get(`${path}.ics`, { token: mine.token });
      expect(after.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      const pdf = await stack.http.bytes(`${path}.pdf?lang=zh`, { token: mine.token });
      const text = withoutSpaces(pdfText(pdf.body));
      expect(text).toContain(withoutSpaces(publicSessions.find((s) => s.title.en === second.en)!.title.zh));

      // Another delegate's agenda is a 404; nobody's without a login.
      expect((await stack.http.get(`${path}.html`, { token: theirs.token })).status).toBe(404);
      expect((await stack.http.get(`${path}.html`)).status).toBe(401);
      const cached = await stack.db.pool.query(`SELECT count(*)::int AS n FROM personal_agenda WHERE registration_id = $1`, [mine.registrationId]);
      expect(cached.rows[0].n).toBe(3);
    });

    it('keeps a cancelled session in the calendars as cancelled (its own UID, a higher SEQUENCE) rather than dropping it', async () => {
      const [delegate] = await mintDelegates(stack, eventId, 1);
      // The last public session whose title no other session shares (the rest of the suite uses the first ones).
      const title = [...publicSessions].reverse().find((s) => sessions.filter((other) => other.title.en === s.title.en).length === 1)!.title.en;
      const session = (await stack.db.pool.query(`SELECT id FROM session WHERE title->>'en' = $1`, [title])).rows[0].id as string;
      expect((await stack.http.post(`/api/me/registrations/${delegate.registrationId}/enrolments`, { sessionId: session }, { token: delegate.token })).status).toBe(201);
      const eventOf = (ics: string) => {
        const unfolded = ics.replace(/\r\n[ \t]/g, '');
        const start = unfolded.indexOf(`UID:${session}@sco-backoffice`);
        if (start < 0) return undefined;
        const block = unfolded.slice(unfolded.lastIndexOf('BEGIN:VEVENT', start), unfolded.indexOf('END:VEVENT', start));
        return { status: /STATUS:(\w+)/.exec(block)?.[1], sequence: Number(/SEQUENCE:(\d+)/.exec(block)?.[1]) };
      };
      const mine = `/api/me/registrations/${delegate.registrationId}/agenda.ics`;
      const feed = new URL((await stack.http.post(`/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: delegate.token })).body.url).pathname;
      const publicIcs = () => stack.http.get(`/api/public/events/${SLUG}/agenda.ics?lang=en`).then((r) => r.text);
      const before = eventOf(await publicIcs())!;
      expect(before.status).toBe('CONFIRMED');
      expect(eventOf((await stack.http.get(mine, { token: delegate.token })).text)?.status).toBe('CONFIRMED');

      expect((await stack.http.patch(`/api/events/${eventId}/sessions/${session}`, { status: 'cancelled' }, { token: organiser })).status).toBe(200);
      const documentsBefore = await documents();
      expect((await stack.http.post(`/api/events/${eventId}/releases`, { name: { zh: '取消一场', en: 'One cancelled', ru: 'Одна отменена' } }, { token: organiser })).status).toBe(201);
      await eventually(async () => (await documents()) === documentsBefore + 9, 30_000, 'the new release\'s documents');

      const after = eventOf(await publicIcs())!;
      expect(after.status).toBe('CANCELLED');
      expect(after.sequence).toBeGreaterThan(before.sequence);
      // The delegate's own agenda and their subscribed feed say the same, though the seat went with the session.
      expect(eventOf((await stack.http.get(mine, { token: delegate.token })).text)?.status).toBe('CANCELLED');
      expect(eventOf((await stack.http.get(feed)).text)?.status).toBe('CANCELLED');
      // Neither the public programme nor the printable agenda shows it.
      const programme = await stack.http.get(`/api/public/events/${SLUG}/programme?lang=en`);
      expect(JSON.stringify(programme.body)).not.toContain(session);
      expect((await stack.http.get(`/api/public/events/${SLUG}/agenda.html?lang=en`)).text).not.toContain(title);
    });

    it('lets a calendar app follow a delegate\'s agenda through a secret URL, which a new one replaces and revoking ends', async () => {
      const [delegate, other] = await mintDelegates(stack, eventId, 2);
      const [session] = (await stack.db.pool.query(`SELECT id FROM session WHERE title->>'en' = $1`, [publicSessions[3].title.en])).rows;
      await stack.http.post(`/api/me/registrations/${delegate.registrationId}/enrolments`, { sessionId: session.id }, { token: delegate.token });
      const issued = await stack.http.post(`/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: delegate.token });
      expect(issued.status).toBe(201);
      const feedPath = new URL(issued.body.url).pathname;
      expect(feedPath).toMatch(/^\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await stack.http.get(feedPath);
      expect(feed.status).toBe(200);
      expect(feed.text).toContain(publicSessions[3].title.ru.slice(0, 20));
      expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      // Only the hash is stored.
      const stored = await stack.db.pool.query(`SELECT encode(token_hash, 'hex') AS h FROM calendar_feed WHERE registration_id = $1`, [delegate.registrationId]);
      expect(stored.rows[0].h).not.toContain(feedPath.split('/').pop()!.replace('.ics', ''));

      expect((await stack.http.post(`/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: other.token })).status).toBe(404);
      const renewed = await stack.http.post(`/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: delegate.token });
      expect((await stack.http.get(feedPath)).status).toBe(404);
      const renewedPath = new URL(renewed.body.url).pathname;
      expect((await stack.http.get(renewedPath)).status).toBe(200);
      expect((await stack.http.request('DELETE', `/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: delegate.token })).status).toBe(204);
      expect((await stack.http.get(renewedPath)).status).toBe(404);
      expect((await stack.http.get('/api/public/calendar/not-a-token.ics')).status).toBe(404);
      // The secret never reaches the logs, though calendar apps ask for it every hour.
      const secret = renewedPath.split('/').pop()!.replace('.ics', '');
      expect(stack.logLines.some((line) => line.includes('/api/public/calendar/[redacted]'))).toBe(true);
      expect(stack.logLines.join('\n')).not.toContain(secret);
    });

    it('forgets a delegate\'s own agendas and calendar URL when their registration is erased', async () => {
      const [delegate] = await mintDelegates(stack, eventId, 1);
      const [session] = (await stack.db.pool.query(`SELECT id FROM session WHERE title->>'en' = $1`, [publicSessions[0].title.en])).rows;
      await stack.http.post(`/api/me/registrations/${delegate.registrationId}/enrolments`, { sessionId: session.id }, { token: delegate.token });
      expect((await stack.http.get(`/api/me/registrations/${delegate.registrationId}/agenda.html`, { token: delegate.token })).status).toBe(200);
      const feed = new URL((await stack.http.post(`/api/me/registrations/${delegate.registrationId}/calendar-feed`, undefined, { token: delegate.token })).body.url).pathname;
      expect((await stack.http.get(feed)).status).toBe(200);
      const held = async () =>
        (await stack.db.pool.query(
          `SELECT (SELECT count(*) FROM personal_agenda WHERE registration_id = $1)::int AS agendas, (SELECT count(*) FROM calendar_feed WHERE registration_id = $1)::int AS feeds`,
          [delegate.registrationId],
        )).rows[0];
      expect(await held()).toEqual({ agendas: 2, feeds: 1 });
      expect((await stack.http.request('DELETE', `/api/me/registrations/${delegate.registrationId}`, undefined, { token: delegate.token })).status).toBe(204);
      expect(await held()).toEqual({ agendas: 0, feeds: 0 });
      expect((await stack.http.get(feed)).status).toBe(404);
    });

    it('prints the public list of outcomes as a PDF in each language', async () => {
      for (const language of LANGUAGES) {
        const pdf = await stack.http.bytes(`/api/public/events/${SLUG}/outcomes?format=pdf&lang=${language}`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers.get('content-type')).toBe('application/pdf');
        const text = withoutSpaces(pdfText(pdf.body));
        const initiative = DEMO_OUTCOMES_2025.outcomes.find((o) => o.kind === 'initiative')!;
        expect(text).toContain(withoutSpaces(initiative.title[language]));
      }
    });
  });
}
