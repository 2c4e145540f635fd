import type { Locator, Page } from 'playwright-core';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

/** Polls until the locator's texts are exactly `expected` (a list re-renders after each save). */
async function expectTexts(locator: Locator, expected: string[], timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < until) {
    seen = (await locator.allTextContents()).map((text) => text.trim());
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(seen).toEqual(expected);
}

describe('Editions workspace: an edition, its venues, rooms and tracks; the directories', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let page: Page;
  const slug = `sco-qingdao-${Date.now()}`;
  let eventId: string;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Wang Fang');
    // An edition already holding a slug: the api refuses it to the new one, and the dialog says so.
    const token = await browser.stack.http.login(organiser.email, organiser.password);
    const taken = await browser.stack.http.post(
      '/api/events',
      { slug: 'sco-taken', name: { en: 'Taken' }, city: { en: 'Qingdao' }, timeZone: 'Asia/Shanghai', firstDay: '2026-05-01', lastDay: '2026-05-02', defaultLanguage: 'en' },
      { token },
    );
    expect(taken.status).toBe(201);
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  const dialog = () => page.getByRole('dialog');

  async function pickDay(id: string, day: string): Promise<void> {
    await dialog().locator(`#${id}`).click();
    await dialog().locator(`#${id}`).fill(day);
    await dialog().locator(`#${id}`).press('Enter');
    // The calendar stays open after Enter: a click on the dialog's title closes it.
    await dialog().locator('.ant-modal-title').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  }

  it('creates an edition, refused first for a slug in use, then publishes it (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', '/editions');
    await page.getByRole('heading', { name: '届次' }).waitFor();
    await page.getByTestId('edition-new').click();
    await dialog().locator('#name_zh').fill('中国—上合组织地方经贸合作论坛');
    await dialog().locator('#name_en').fill('China–SCO Local Trade Forum');
    await dialog().locator('#name_ru').fill('Форум Китай–ШОС по местному торговому сотрудничеству');
    await dialog().locator('#city_zh').fill('青岛');
    await dialog().locator('#city_en').fill('Qingdao');
    await dialog().locator('#city_ru').fill('Циндао');
    await dialog().locator('#slug').fill('sco-taken');
    await pickDay('firstDay', '2026-07-17');
    await pickDay('lastDay', '2026-07-18');
    await browser.expectAccessible(page, 'new edition dialog (zh)');
    await page.getByTestId('edition-dialog-save').click();
    await dialog().locator('[data-error-code]').waitFor();

    await dialog().locator('#slug').fill(slug);
    await page.getByTestId('edition-dialog-save').click();
    await page.getByRole('heading', { name: /中国—上合组织地方经贸合作论坛/ }).waitFor();
    eventId = /\/editions\/([0-9a-f-]{36})\/settings/.exec(page.url())![1];
    await expectTexts(page.getByTestId('edition-status'), ['草稿']);
    await page.getByText('中国标准时间 (Asia/Shanghai)', { exact: false }).first().waitFor();

    await page.getByTestId('edition-to-published').click();
    // antd spaces a two-character Chinese label ("发 布"): the confirmation's primary button is taken by its role.
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectTexts(page.getByTestId('edition-status'), ['已发布']);
    await browser.expectAccessible(page, 'edition settings (zh)');
    await browser.screenshot(page, 'editions-settings-zh');

    const { rows } = await browser.stack.db.pool.query(`SELECT slug, name, status, time_zone, first_day::text, last_day::text, registration_mode FROM event WHERE id = $1`, [eventId]);
    expect(rows[0]).toEqual({
      slug,
      name: { zh: '中国—上合组织地方经贸合作论坛', en: 'China–SCO Local Trade Forum', ru: 'Форум Китай–ШОС по местному торговому сотрудничеству' },
      status: 'published',
      time_zone: 'Asia/Shanghai',
      first_day: '2026-07-17',
      last_day: '2026-07-18',
      registration_mode: 'approval',
    });
    await browser.expectClean(page);
  });

  it('adds a venue, a room and two tracks, reorders the tracks, and finds them after a reload (Russian)', async () => {
    await browser.signIn(page, organiser, 'ru', `/editions/${eventId}/venues`);
    await page.getByRole('tab', { name: 'Площадки' }).waitFor();
    await page.getByTestId('venue-new').click();
    await dialog().locator('#name_zh').fill('青岛国际会议中心');
    await dialog().locator('#name_en').fill('Qingdao International Conference Centre');
    await dialog().locator('#name_ru').fill('Международный конференц-центр Циндао');
    await dialog().locator('#address_ru').fill('Циндао, ул. Аомэнь, 9');
    await browser.expectAccessible(page, 'venue dialog (ru)');
    await page.getByTestId('venue-dialog-save').click();
    await expectTexts(page.getByTestId('venue-name'), ['Международный конференц-центр Циндао']);

    await page.getByRole('tab', { name: 'Залы' }).click();
    await page.getByTestId('room-new').click();
    await dialog().locator('#name_ru').fill('Зал «Шанхай»');
    await dialog().locator('#name_zh').fill('上海厅');
    await dialog().locator('#capacity').fill('320');
    await dialog().getByRole('checkbox', { name: 'китайский' }).check();
    await dialog().getByRole('checkbox', { name: 'русский' }).check();
    await browser.expectAccessible(page, 'room dialog (ru)');
    await page.getByTestId('room-dialog-save').click();
    await expectTexts(page.getByTestId('room-name'), ['Зал «Шанхай»']);
    await page.locator('tr.ant-table-row', { hasText: 'Зал «Шанхай»' }).getByText('Международный конференц-центр Циндао').waitFor();

    // A venue with a room in it is not deleted: the api's refusal is shown, the venue stays.
    await page.getByRole('tab', { name: 'Площадки' }).click();
    await page.getByRole('button', { name: 'Удалить «Международный конференц-центр Циндао»' }).click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.locator('[data-error-code="FOREIGN_KEY_VIOLATION"]').waitFor();
    await expectTexts(page.getByTestId('venue-name'), ['Международный конференц-центр Циндао']);

    await page.getByRole('tab', { name: 'Направления' }).click();
    for (const [ru, en, colour] of [
      ['Торговля', 'Trade', '#b03a2e'],
      ['Логистика', 'Logistics', '#1e8449'],
    ]) {
      await page.getByTestId('track-new').click();
      await dialog().locator('#name_ru').fill(ru);
      await dialog().locator('#name_en').fill(en);
      await dialog().locator('#colour').fill(colour);
      await page.getByTestId('track-dialog-save').click();
      await dialog().waitFor({ state: 'detached' });
    }
    await expectTexts(page.getByTestId('track-name'), ['Торговля', 'Логистика']);
    // A track without sessions is deleted after a confirmation.
    await page.getByTestId('track-new').click();
    await dialog().locator('#name_ru').fill('Черновик');
    await page.getByTestId('track-dialog-save').click();
    await expectTexts(page.getByTestId('track-name'), ['Торговля', 'Логистика', 'Черновик']);
    await page.getByRole('button', { name: 'Удалить «Черновик»' }).click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectTexts(page.getByTestId('track-name'), ['Торговля', 'Логистика']);
    await page.getByRole('button', { name: 'Переместить «Логистика» выше' }).click();
    await expectTexts(page.getByTestId('track-name'), ['Логистика', 'Торговля']);
    await browser.expectAccessible(page, 'tracks (ru)');
    await browser.screenshot(page, 'editions-tracks-ru');

    await page.reload();
    await expectTexts(page.getByTestId('track-name'), ['Логистика', 'Торговля']);
    await page.getByRole('tab', { name: 'Залы' }).click();
    await expectTexts(page.getByTestId('room-name'), ['Зал «Шанхай»']);

    const tracks = await browser.stack.db.pool.query(`SELECT name->>'ru' AS name, colour FROM track WHERE event_id = $1 ORDER BY position, id`, [eventId]);
    expect(tracks.rows).toEqual([
      { name: 'Логистика', colour: '#1e8449' },
      { name: 'Торговля', colour: '#b03a2e' },
    ]);
    const rooms = await browser.stack.db.pool.query(`SELECT capacity, interpretation_channels FROM room WHERE event_id = $1`, [eventId]);
    expect(rooms.rows).toEqual([{ capacity: 320, interpretation_channels: ['zh', 'ru'] }]);
    await browser.expectClean(page);
  });

  it('creates an organisation and a person of it, and finds the person by search after a reload (English)', async () => {
    await browser.signIn(page, organiser, 'en', '/organisations');
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.getByTestId('organisation-new').click();
    await dialog().locator('#name_en').fill('Qingdao Port Group');
    await dialog().locator('#name_zh').fill('青岛港集团');
    await dialog().locator('#type').click();
    await page.locator('.ant-select-item-option', { hasText: 'Enterprise' }).click();
    await dialog().locator('#country').fill('cn');
    await dialog().getByTestId('country-name').getByText('China (CN)').waitFor();
    await browser.expectAccessible(page, 'organisation dialog (en)');
    await page.getByTestId('organisation-dialog-save').click();
    await expectTexts(page.getByTestId('organisation-name'), ['Qingdao Port Group']);

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByTestId('person-new').click();
    await dialog().locator('#nameNative').fill('李刚');
    await dialog().locator('#nameLatin').fill('Li Gang');
    await dialog().locator('#nameCyrillic').fill('Ли Ган');
    await dialog().locator('#honorific_en').fill('Mr');
    await dialog().locator('#position_en').fill('Chairman');
    await dialog().locator('#organisationId').click();
    await dialog().locator('#organisationId').fill('Port');
    await page.locator('.ant-select-item-option', { hasText: 'Qingdao Port Group' }).click();
    await dialog().locator('#country').fill('CN');
    await browser.expectAccessible(page, 'person dialog (en)');
    await page.getByTestId('person-dialog-save').click();
    await dialog().waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('person-search').locator('input').fill('Ли Ган');
    await page.getByTestId('person-search').locator('input').press('Enter');
    await expectTexts(page.getByTestId('person-name'), ['李刚']);
    await expectTexts(page.getByTestId('person-organisation-name'), ['Qingdao Port Group']);
    await browser.expectAccessible(page, 'people (en)');

    const { rows } = await browser.stack.db.pool.query(
      `SELECT p.name_latin, p.name_cyrillic, p.position, p.country, o.name->>'en' AS organisation FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.name_native = '李刚'`,
    );
    expect(rows).toEqual([{ name_latin: 'Li Gang', name_cyrillic: 'Ли Ган', position: { en: 'Chairman' }, country: 'CN', organisation: 'Qingdao Port Group' }]);
    await browser.expectClean(page);
  });
});
