import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { mintDelegates } from '#testing/delegates.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';
import { untilPasses } from './support/until-passes.js';

/**
 * Door staff at the check-in page. Badges reach the page through its scanner field, the path a hand-held barcode
 * scanner (a keyboard to the browser) takes, and the same handler the camera's decoder calls (checkin/ScanPanel.tsx):
 * one fake camera plays one video, so many badges on cue go this way; check-in-camera.browser-spec.ts reads one
 * from the camera.
 */
describe('Check-in at the door', () => {
  let browser: ConsoleBrowser;
  let staff: ConsoleUser;
  let page: Page;
  let eventId: string;
  let listId: string;
  const eventName = { zh: `门禁测试 ${Date.now()}`, en: `Door test ${Date.now()}`, ru: `Проверка входа ${Date.now()}` };
  const listName = { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' };

  const person = async (nameNative: string, nameLatin: string, status = 'approved') => {
    const [d] = await mintDelegates(browser.stack, eventId, 1);
    const { rows } = await browser.stack.db.pool.query(
      `UPDATE registration SET name_native = $2, name_latin = $3, status = $4 WHERE id = $1 RETURNING badge_token`,
      [d.registrationId, nameNative, nameLatin, status],
    );
    return { registrationId: d.registrationId, token: rows[0].badge_token as string };
  };
  const checkIns = async (ids: string[]) =>
    (await browser.stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE list_id = $1 AND registration_id = ANY($2::uuid[])`, [listId, ids])).rows[0].n as number;

  const answer = () => page.getByTestId('scan-answer');
  async function scan(token: string): Promise<void> {
    const field = page.getByTestId('scanner-input');
    await field.fill(token);
    await field.press('Enter');
    await untilPasses(() => field.inputValue(), (v) => expect(v).toBe(''));
  }
  async function openDoor(language: 'zh' | 'en' | 'ru'): Promise<void> {
    await browser.signIn(page, staff, language, '/checkin');
    await page.getByTestId('checkin-page').waitFor();
    await page.getByTestId('edition-select').click();
    await page.locator('.ant-select-item-option', { hasText: eventName[language] }).click();
    await page.getByTestId('list-select').click();
    await page.locator('.ant-select-item-option', { hasText: listName[language] }).click();
    await page.getByTestId('live-count').waitFor();
  }

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    staff = await browser.createUser('staff', 'Door Keeper');
    const admin = await browser.stack.loginAsAdmin();
    const created = await browser.stack.http.post(
      '/api/events',
      { slug: `door-${randomUUID().slice(0, 8)}`, name: eventName, city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' }, timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19', defaultLanguage: 'zh' },
      { token: admin },
    );
    eventId = created.body.id;
    listId = (await browser.stack.http.post(`/api/events/${eventId}/check-in-lists`, { name: listName }, { token: admin })).body.id;
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await browser.context.setOffline(false);
    await page.close();
  });

  it.each([
    ['ru', 'Проход разрешён', 'Уже прошёл', 'Регистрация ещё ждёт одобрения.'],
    ['zh', '签到成功', '已签到过', '报名仍在等待审批。'],
  ] as const)('answers green, amber and red at a glance (%s)', async (language, ok, again, pendingText) => {
    const li = await person(language === 'ru' ? 'Алия Нурланова' : '李刚', language === 'ru' ? 'Aliya Nurlanova' : 'Li Gang');
    const delegation = (await browser.stack.db.pool.query(`INSERT INTO delegation (event_id, name, country) VALUES ($1, $2, 'KZ') RETURNING id`, [eventId, `Делегация ${language} ${Date.now()}`])).rows[0];
    await browser.stack.db.pool.query(`UPDATE registration SET delegation_id = $2 WHERE id = $1`, [li.registrationId, delegation.id]);
    const waiting = await person('王芳', 'Wang Fang', 'pending');
    await openDoor(language);
    await untilPasses(() => page.getByTestId('network-status').getAttribute('data-online'), (v) => expect(v).toBe('true'));

    await scan(li.token);
    await untilPasses(() => answer().getAttribute('data-kind'), (v) => expect(v).toBe('ok'));
    const text = await answer().innerText();
    expect(text).toContain(ok);
    expect(text).toContain(language === 'ru' ? 'Алия Нурланова' : '李刚');
    expect(text).toContain(language === 'ru' ? 'Aliya Nurlanova' : 'Li Gang');
    expect(text).toContain(`Делегация ${language}`);
    await untilPasses(() => page.getByTestId('live-count').innerText(), (v) => expect(v).toMatch(/1\D+\d+/));

    await scan(li.token);
    await untilPasses(() => answer().getAttribute('data-kind'), (v) => expect(v).toBe('again'));
    expect(await answer().innerText()).toContain(again);
    expect(await page.getByTestId('first-time').innerText()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    await browser.screenshot(page, `checkin-amber-${language}`);

    await scan(waiting.token);
    await untilPasses(() => answer().getAttribute('data-code'), (v) => expect(v).toBe('REGISTRATION_PENDING'));
    expect(await answer().getAttribute('data-kind')).toBe('refused');
    const refusal = await answer().innerText();
    expect(refusal).toContain(pendingText);
    await browser.screenshot(page, `checkin-${language}`);
    await browser.expectAccessible(page);
    await browser.expectClean(page);
    expect(await checkIns([li.registrationId, waiting.registrationId])).toBe(1);
  });

  it('keeps ten scans made offline across a reload and sends them once when the network is back (ru)', async () => {
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => person(`Гость ${i + 1}`, `Guest ${i + 1}`)));
    await openDoor('ru');
    // The service worker must control the page before the network goes, or the reload has nothing to serve it.
    await page.waitForFunction(() => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await browser.context.setOffline(true);
    await untilPasses(() => page.getByTestId('network-status').getAttribute('data-online'), (v) => expect(v).toBe('false'));
    expect(await page.getByTestId('network-status').innerText()).toContain('Нет сети');
    for (const badge of ten) {
      await scan(badge.token);
      await untilPasses(() => answer().getAttribute('data-kind'), (v) => expect(v).toBe('queued'));
    }
    await untilPasses(() => page.getByTestId('network-status').getAttribute('data-waiting'), (v) => expect(v).toBe('10'));
    expect(await checkIns(ten.map((b) => b.registrationId))).toBe(0);

    await page.reload();
    await page.getByTestId('checkin-page').waitFor();
    await untilPasses(() => page.getByTestId('network-status').getAttribute('data-waiting'), (v) => expect(v).toBe('10'));
    expect(await page.getByTestId('network-status').innerText()).toContain('10 сканов ждут отправки');
    await browser.screenshot(page, 'checkin-offline-ru');

    await browser.context.setOffline(false);
    await untilPasses(() => page.getByTestId('network-status').getAttribute('data-waiting'), (v) => expect(v).toBe('0'));
    await untilPasses(() => page.getByTestId('offline-answers').locator('[data-code="CHECKED_IN"]').count(), (v) => expect(v).toBe(10));
    expect(await page.getByTestId('offline-answers').innerText()).toContain('Гость 7');
    // Stored once: ten check-ins and ten scans, not more, even if a resend happened.
    expect(await checkIns(ten.map((b) => b.registrationId))).toBe(10);
    const scans = (await browser.stack.db.pool.query(
      `SELECT count(*)::int AS n FROM check_in_scan s JOIN registration r ON s.answer #>> '{details,delegate,registrationId}' = r.id::text WHERE r.id = ANY($1::uuid[])`,
      [ten.map((b) => b.registrationId)],
    )).rows[0].n;
    expect(scans).toBe(10);
    await browser.screenshot(page, 'checkin-back-online-ru');
    await browser.expectAccessible(page);
    await browser.expectClean(page);
  });

  it('finds a guest with a damaged badge by name and checks them in (en)', async () => {
    const ivanov = await person('Иванов Пётр', 'Ivanov Pyotr');
    await openDoor('en');
    await page.getByTestId('manual-search').locator('input').fill('Иванов');
    await page.getByTestId('manual-search').locator('input').press('Enter');
    const row = page.getByTestId('manual-person').filter({ hasText: 'Ivanov Pyotr' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Business');
    await row.getByRole('button', { name: 'Check in' }).click();
    await untilPasses(() => page.locator('.checkin-manual [data-testid="scan-answer"]').getAttribute('data-kind'), (v) => expect(v).toBe('ok'));
    await untilPasses(() => row.innerText(), (v) => expect(v).toContain('In already'));
    expect(await checkIns([ivanov.registrationId])).toBe(1);
    await browser.expectAccessible(page);
    await browser.expectClean(page);
  });

  it('locks a kiosk that only scans (no search, no names of others) and opens it again only with the password (zh)', async () => {
    const guest = await person('张伟', 'Zhang Wei');
    await openDoor('zh');
    await page.getByTestId('kiosk-enter').click();
    await page.getByTestId('kiosk').waitFor();
    expect(await page.getByTestId('manual-search').count()).toBe(0);
    expect(await page.getByTestId('edition-select').isVisible()).toBe(false);
    await scan(guest.token);
    await untilPasses(() => answer().getAttribute('data-kind'), (v) => expect(v).toBe('ok'));
    expect(await page.getByTestId('kiosk').innerText()).toContain('张伟');
    await browser.screenshot(page, 'checkin-kiosk-zh');
    await browser.expectAccessible(page);
    // Still locked after a reload, and any other console address typed in leads back to the kiosk.
    await page.reload();
    await page.getByTestId('kiosk').waitFor();
    for (const elsewhere of ['/checkin', '/', '/editions']) {
      await page.goto(browser.url(elsewhere));
      await page.getByTestId('kiosk').waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/checkin/kiosk');
      expect(await page.getByTestId('manual-search').count()).toBe(0);
    }
    await page.getByTestId('kiosk-leave').click();
    await page.getByTestId('kiosk-password').fill('not the password');
    await page.getByTestId('kiosk-password').press('Enter');
    await page.getByText('密码错误。').waitFor();
    expect(await page.getByTestId('kiosk').isVisible()).toBe(true);
    await page.getByTestId('kiosk-password').fill(staff.password);
    await page.getByTestId('kiosk-password').press('Enter');
    await page.getByTestId('kiosk').waitFor({ state: 'detached' });
    await page.getByTestId('manual-search').waitFor();
    await browser.expectClean(page);
  });
});
