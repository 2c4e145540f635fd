import type { Page } from 'playwright-core';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { eventually } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

interface Delegate extends ConsoleUser {
  token: string;
  registrationId: string;
}

/** What the console's download helper leaves for tests (headless Chromium saves no files here). */
interface DownloadGlobals {
  __lastDownload?: { name: string; size: number; type: string; head: string };
  navigator: { clipboard: { readText(): Promise<string> } };
}

/** Waits for the state asserted: reads again until the assertion holds, failing with the last reading after 15 s. */
function poll<T>(read: () => Promise<T>, timeoutMs = 15_000) {
  const retry = async (assert: (value: T) => void) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      try {
        assert(value);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    toBe: (expected: T) => retry((value) => expect(value).toBe(expected)),
    notToBe: (unexpected: T) => retry((value) => expect(value).not.toBe(unexpected)),
    toContain: (expected: string) => retry((value) => expect(value).toContain(expected)),
    toMatchObject: (expected: object) => retry((value) => expect(value).toMatchObject(expected)),
  };
}

describe("Delegates' portal: registration, seats and waiting list, badge, agenda and calendar, erasure", () => {
  let browser: ConsoleBrowser;
  let organiser: string;
  let fixture: ProgrammeFixture;
  let page: Page;
  const titles = {
    forum: { zh: '贸易论坛', en: 'Trade forum', ru: 'Торговый форум' },
    salon: { zh: '物流沙龙', en: 'Logistics salon', ru: 'Логистический салон' },
    dialogue: { zh: '港口对话', en: 'Port dialogue', ru: 'Портовый диалог' },
  };
  const sessions: Record<keyof typeof titles, string> = { forum: '', salon: '', dialogue: '' };
  let aigerim: Delegate;
  let bolat: Delegate;

  /** A delegate's account and registration on the edition, through the api, approved by the organiser unless told. */
  async function delegate(displayName: string, nameLatin: string, nameNative: string, approve = true): Promise<Delegate> {
    const user = await browser.createUser('delegate', displayName);
    const token = await browser.stack.http.login(user.email, user.password);
    const registered = await browser.stack.http.post('/api/me/registrations', { ...DELEGATE_DETAILS, eventId: fixture.eventId, nameLatin, nameNative }, { token });
    if (registered.status !== 201) throw new Error(`registering: ${registered.status} ${registered.text}`);
    if (approve) {
      const approved = await browser.stack.http.post(`/api/events/${fixture.eventId}/registrations/${registered.body.id}/approve`, undefined, { token: organiser });
      if (approved.status !== 200 && approved.status !== 201) throw new Error(`approving: ${approved.status} ${approved.text}`);
    }
    return { ...user, token, registrationId: registered.body.id as string };
  }

  const sessionRow = (key: keyof typeof titles) => page.locator(`[data-testid="portal-session"][data-session-id="${sessions[key]}"]`);
  const lastDownload = () => page.evaluate(() => (globalThis as unknown as DownloadGlobals).__lastDownload);

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    // The worker records the approval mail, whose badge link the last test follows.
    await browser.stack.startWorker();
    const organiserUser = await browser.createUser('organiser', 'Anna Ivanova');
    organiser = await browser.stack.http.login(organiserUser.email, organiserUser.password);
    fixture = await buildProgramme(browser.stack.http, organiser);
    await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published', registrationMode: 'approval' }, { token: organiser });
    const post = async (key: keyof typeof titles, body: Record<string, unknown>) => {
      const created = await browser.stack.http.post(`/api/events/${fixture.eventId}/sessions`, sessionBody({ title: titles[key], ...body }), { token: organiser });
      if (created.status !== 201) throw new Error(`session: ${created.status} ${created.text}`);
      sessions[key] = created.body.id as string;
    };
    await post('forum', { roomId: fixture.hall, capacity: 5, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') });
    await post('salon', { roomId: fixture.remote, capacity: 1, startsAt: at('2025-07-18', '14:00'), endsAt: at('2025-07-18', '15:00') });
    await post('dialogue', { roomId: fixture.small, startsAt: at('2025-07-18', '09:30'), endsAt: at('2025-07-18', '10:30') });
    // The personal agenda is made from the published programme.
    const release = await browser.stack.http.post(`/api/events/${fixture.eventId}/releases`, { name: { zh: '第一版', en: 'First', ru: 'Первая' } }, { token: organiser });
    if (release.status !== 201) throw new Error(`release: ${release.status} ${release.text}`);
    aigerim = await delegate('Aigerim Saparova', 'Aigerim Saparova', 'Айгерим Сапарова');
    bolat = await delegate('Bolat Nurlanov', 'Bolat Nurlanov', 'Болат Нурланов');
    // Bolat holds the salon's only seat.
    const seat = await browser.stack.http.post(`/api/me/registrations/${bolat.registrationId}/enrolments`, { sessionId: sessions.salon }, { token: bolat.token });
    expect(seat.body.status).toBe('enrolled');
  }, 180_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('shows the approved registration, takes a seat, queues for a full session, is promoted when a seat frees, and downloads the badge (Russian)', async () => {
    await browser.signIn(page, aigerim, 'ru');
    // A delegate's first screen is their portal.
    await page.getByRole('heading', { name: 'Мои регистрации' }).waitFor();
    const card = page.getByTestId('my-registration-card');
    await expect(card.getByTestId('my-registration-status').textContent()).resolves.toBe('Одобрена');
    await expect(card.textContent()).resolves.toContain('Вы зарегистрированы на конференцию.');
    await card.getByRole('link', { name: 'Test conference (рус.)' }).click();
    await page.getByTestId('my-registration-meaning').waitFor();
    await expect(page.getByTestId('my-registration-meaning').textContent()).resolves.toContain('Занимайте места на сессиях');
    await expect(page.getByTestId('my-registration-details').textContent()).resolves.toContain('Айгерим Сапарова');
    await browser.expectAccessible(page, 'registration (ru)');
    await browser.screenshot(page, 'portal-registration-ru');

    await page.getByRole('tab', { name: 'Программа и места' }).click();
    await sessionRow('forum').waitFor();
    await expect(sessionRow('forum').getByTestId('portal-session-title').textContent()).resolves.toBe('Торговый форум');
    // Times in Qingdao's zone, whatever the browser's.
    await expect(sessionRow('forum').textContent()).resolves.toContain('09:00–10:00');
    await expect(sessionRow('forum').getByTestId('portal-session-seats').textContent()).resolves.toBe('Свободно мест: 5 из 5');
    await expect(sessionRow('salon').getByTestId('portal-session-seats').textContent()).resolves.toBe('Мест нет (всего 1), ожидают: 0');

    await sessionRow('forum').getByRole('button', { name: 'Занять место' }).click();
    await poll(() => page.getByTestId('portal-outcome').textContent()).toBe('У вас есть место на сессии «Торговый форум».');
    await poll(() => sessionRow('forum').getByTestId('portal-session-mine').textContent()).toBe('У вас есть место');
    await poll(() => sessionRow('forum').getByTestId('portal-session-seats').textContent()).toBe('Свободно мест: 4 из 5');

    await sessionRow('salon').getByRole('button', { name: 'Встать в лист ожидания' }).click();
    await poll(() => page.getByTestId('portal-outcome').textContent()).toContain('вы 1-й в листе ожидания');
    await poll(() => sessionRow('salon').getByTestId('portal-session-mine').textContent()).toBe('Лист ожидания: вы 1-й');
    await browser.expectAccessible(page, 'programme with a waiting place (ru)');
    await browser.screenshot(page, 'portal-programme-ru');

    // Bolat gives his seat up through the api: the seat passes to Aigerim, and the page says so.
    const bolatSeat = (await browser.stack.http.get('/api/me/enrolments', { token: bolat.token })).body.items[0];
    expect((await browser.stack.http.request('DELETE', `/api/me/enrolments/${bolatSeat.id}`, undefined, { token: bolat.token })).status).toBe(200);
    const notice = page.getByTestId('promotion-notice');
    await notice.waitFor({ timeout: 15_000 });
    await expect(notice.textContent()).resolves.toContain('На сессии «Логистический салон» освободилось место, и оно ваше');
    await poll(() => sessionRow('salon').getByTestId('portal-session-mine').getAttribute('data-status')).toBe('enrolled');
    await browser.screenshot(page, 'portal-promoted-ru');

    await page.getByRole('tab', { name: 'Бейдж' }).click();
    await page.getByTestId('portal-badge-download').click();
    await poll(lastDownload).toMatchObject({ name: 'badge-Aigerim-Saparova.pdf', head: '%PDF-' });
    await browser.expectAccessible(page, 'badge (ru)');
    await browser.expectClean(page);
  });

  it('refuses an overlapping session naming the other one, opens the agenda, and copies and renews the calendar address (Chinese)', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.stack.http.baseUrl });
    await browser.signIn(page, aigerim, 'zh', `/me/registrations/${aigerim.registrationId}/programme`);
    await sessionRow('dialogue').waitFor();
    await sessionRow('dialogue').getByRole('button', { name: '预订席位' }).click();
    const conflict = page.getByTestId('portal-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('该时段您已在“贸易论坛”（2025年7月18日, 09:00–10:00）有席位或在候补');
    await expect(sessionRow('dialogue').getByTestId('portal-session-mine').count()).resolves.toBe(0);
    const { rows } = await browser.stack.db.pool.query(`SELECT count(*)::int AS n FROM enrolment WHERE registration_id = $1 AND session_id = $2`, [aigerim.registrationId, sessions.dialogue]);
    expect(rows[0].n).toBe(0);
    await browser.expectAccessible(page, 'overlap refused (zh)');
    await browser.screenshot(page, 'portal-conflict-zh');

    await page.getByRole('tab', { name: '个人日程与日历' }).click();
    // The agenda as the api renders it, in a tab of its own.
    const [agendaTab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('portal-agenda-html').click()]);
    await agendaTab.waitForLoadState();
    await poll(() => agendaTab.textContent('body')).toContain('贸易论坛');
    await expect(agendaTab.textContent('body')).resolves.toContain('物流沙龙');
    await agendaTab.close();
    await page.getByTestId('portal-agenda-pdf').click();
    // Saved under the name the api gives it, in the language asked for.
    await poll(lastDownload).toMatchObject({ name: `${fixture.slug}-my-agenda-zh.pdf`, head: '%PDF-' });

    await page.getByTestId('portal-feed-create').click();
    const url = page.getByTestId('portal-feed-url');
    await url.waitFor();
    const first = await url.inputValue();
    expect(first).toMatch(/\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.getByTestId('portal-feed-copy').click();
    await page.getByTestId('portal-feed-copied').waitFor();
    await expect(page.evaluate(() => (globalThis as unknown as DownloadGlobals).navigator.clipboard.readText())).resolves.toBe(first);
    const feedPath = (address: string) => new URL(address).pathname;
    await expect(browser.stack.http.get(feedPath(first))).resolves.toMatchObject({ status: 200 });
    await browser.expectAccessible(page, 'agenda and calendar address (zh)');
    await browser.screenshot(page, 'portal-agenda-zh');

    // Renewing says what it means, then revokes the old address and makes a new one.
    await page.getByTestId('portal-feed-renew').click();
    await page.getByText('更新会创建一个新地址，旧地址立即失效', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '更新地址' }).last().click();
    await page.getByTestId('portal-feed-renewed').waitFor();
    await poll(() => url.inputValue()).notToBe(first);
    const second = await url.inputValue();
    await page.getByTestId('portal-feed-copy').click();
    await poll(() => page.evaluate(() => (globalThis as unknown as DownloadGlobals).navigator.clipboard.readText())).toBe(second);
    await expect(browser.stack.http.get(feedPath(first))).resolves.toMatchObject({ status: 404 });
    await expect(browser.stack.http.get(feedPath(second))).resolves.toMatchObject({ status: 200 });
    await browser.expectClean(page);
  });

  it('says what erasure deletes and keeps, asks for confirmation, erases and signs the delegate out (English)', async () => {
    const chen = await delegate('Chen Li', 'Chen Li', '陈立');
    await browser.signIn(page, chen, 'en', `/me/registrations/${chen.registrationId}/erase`);
    const erase = page.getByTestId('portal-erase');
    await erase.waitFor();
    await expect(page.getByTestId('portal-erase-deleted').textContent()).resolves.toContain('Your visa data (nationality, passport number, date of birth).');
    await expect(page.getByTestId('portal-erase-kept').textContent()).resolves.toContain('the organiser must be able to show that the processing was lawful');
    // Nothing happens before the delegate says they have read it.
    await expect(page.getByTestId('portal-erase-button').isDisabled()).resolves.toBe(true);
    await browser.expectAccessible(page, 'erase (en)');
    await browser.screenshot(page, 'portal-erase-en');
    await page.getByTestId('portal-erase-understood').click();
    await page.getByTestId('portal-erase-button').click();
    await page.getByText('Erase your data now?').waitFor();
    await page.getByTestId('portal-erase-confirm').click();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    const { rows } = await browser.stack.db.pool.query(`SELECT name_latin, anonymised_at FROM registration WHERE id = $1`, [chen.registrationId]);
    expect(rows[0].name_latin).toBeNull();
    expect(rows[0].anonymised_at).not.toBeNull();
    await expect(browser.stack.http.post('/api/auth/login', { email: chen.email, password: chen.password })).resolves.toMatchObject({ status: 401 });
    await browser.expectClean(page);
  });

  it("follows the approval mail's badge link in a fresh browser through sign-in to the badge page (Russian)", async () => {
    const dana = await delegate('Dana Omarova', 'Dana Omarova', 'Дана Омарова', false);
    await browser.stack.http.post(`/api/events/${fixture.eventId}/registrations/${dana.registrationId}/approve`, undefined, { token: organiser });
    const link = await eventually(async () => {
      const { rows } = await browser.stack.db.pool.query(
        `SELECT payload->>'badgeUrl' AS url FROM notification n JOIN app_user u ON u.id = n.recipient_user_id WHERE n.kind = 'registration-approved' AND u.email = $1`,
        [dana.email],
      );
      return rows[0]?.url as string | undefined;
    }, 20_000, 'the approval message');
    const built = new URL(link);
    expect(built.pathname).toBe(`/console/me/registrations/${dana.registrationId}/badge`);

    // A fresh browser: no refresh cookie, no token in memory.
    await browser.context.clearCookies();
    await browser.setLanguage(page, 'ru');
    await page.goto(`${browser.stack.http.baseUrl}${built.pathname}`);
    await page.locator('input[autocomplete="username"]').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/me/registrations/${dana.registrationId}/badge`);
    await page.locator('input[autocomplete="username"]').fill(dana.email);
    await page.locator('input[autocomplete="current-password"]').fill(dana.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('portal-badge').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/console/me/registrations/${dana.registrationId}/badge`);
    await expect(page.getByTestId('portal-badge').textContent()).resolves.toContain('Дана Омарова');
    await page.getByTestId('portal-badge-download').click();
    await poll(lastDownload).toMatchObject({ name: 'badge-Dana-Omarova.pdf', head: '%PDF-' });
    await browser.expectAccessible(page, 'badge from the mail link (ru)');
    await browser.screenshot(page, 'portal-badge-ru');
    await browser.expectClean(page);
  });
});
