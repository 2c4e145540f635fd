import type { Page } from 'playwright-core';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

/** Waits until `read` gives `expected`, for up to 10 s; then fails showing what it last read. */
async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
  }
  expect(last).toEqual(expected);
}

describe('Programme: release, conflict and translation reports', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let token: string;
  let fixture: ProgrammeFixture;
  let page: Page;
  const ids: Record<string, string> = {};

  async function createSession(body: Record<string, unknown>): Promise<string> {
    const answer = await browser.stack.http.post(`/api/events/${fixture.eventId}/sessions`, sessionBody(body), { token });
    if (answer.status !== 201) throw new Error(`session: ${answer.status} ${answer.text}`);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Zhang Min');
    token = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, token);
    // Published edition: its public programme shows the release as soon as it is out.
    const opened = await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published' }, { token });
    expect(opened.status).toBe(200);
    // Scheduled, with no Russian title: the translation gate stops the release.
    ids.forum = await createSession({
      title: { zh: '物流论坛', en: 'Logistics forum' },
      roomId: fixture.hall,
      trackId: fixture.track,
      startsAt: at('2025-07-18', '09:00'),
      endsAt: at('2025-07-18', '10:30'),
    });
    // Two drafts in one room at one time: a hard conflict the report must name.
    ids.salonA = await createSession({ title: tri('Trade salon'), status: 'draft', roomId: fixture.small, startsAt: at('2025-07-19', '14:00'), endsAt: at('2025-07-19', '15:00') });
    ids.salonB = await createSession({ title: tri('Energy salon'), status: 'draft', roomId: fixture.small, startsAt: at('2025-07-19', '14:30'), endsAt: at('2025-07-19', '15:30') });
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  const releasePage = () => `/editions/${fixture.eventId}/programme/release`;

  it('refuses a release with a missing translation (English), completes it through the link, then publishes (Russian)', async () => {
    await browser.signIn(page, organiser, 'en', releasePage());
    await page.getByRole('heading', { name: 'Publish a release' }).waitFor();
    // The preview: the api's change list, and what stands in the way.
    const preview = page.getByTestId('preview');
    await preview.getByText('Release 1 would publish these changes').waitFor();
    await preview.locator('[data-kind="added"]').getByText('Logistics forum').waitFor();
    await page.getByTestId('blockers').getByText('1 text lacks a language').waitFor();
    await page.getByTestId('blocking-conflicts').getByText('1 hard conflict among drafts').waitFor();
    await browser.expectAccessible(page, 'release page (en)');

    await page.getByTestId('publish').click();
    const refusal = page.getByTestId('publish-refusal');
    await refusal.getByText('Not published: 1 text lacks a language').waitFor();
    await expect(refusal.getAttribute('data-error-code')).resolves.toBe('TRANSLATIONS_MISSING');
    const gap = refusal.getByTestId('gap');
    await gap.getByText('Russian').waitFor();
    await browser.screenshot(page, 'release-refused-en');
    await browser.expectAccessible(page, 'release refused (en)');
    const releases = await browser.stack.http.get(`/api/events/${fixture.eventId}/releases`, { token });
    expect(releases.body.total).toBe(0);

    // The refusal's link leads to the translation report, where the title is completed in place.
    await gap.getByRole('link', { name: /Session «Logistics forum» · title/ }).click();
    await page.getByRole('heading', { name: 'Translation report' }).waitFor();
    expect(page.url()).toContain(`#gap-session-${ids.forum}-title`);
    await page.getByTestId('fix-gap').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title · Russian').waitFor();
    await expect(dialog.getByLabel('Title · English').inputValue()).resolves.toBe('Logistics forum');
    await dialog.getByLabel('Title · Russian').fill('Логистический форум');
    await browser.expectAccessible(page, 'complete translation dialog (en)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('translations-complete').waitFor();
    const stored = await browser.stack.db.pool.query(`SELECT title FROM session WHERE id = $1`, [ids.forum]);
    expect(stored.rows[0].title).toEqual({ zh: '物流论坛', en: 'Logistics forum', ru: 'Логистический форум' });
    await browser.expectClean(page);

    // In Russian now: publishing goes through, and the release and its public programme are shown.
    await browser.setLanguage(page, 'ru');
    await page.goto(browser.url(releasePage()));
    await page.getByRole('heading', { name: 'Опубликовать выпуск' }).first().waitFor();
    await page.getByTestId('preview').getByText('Логистический форум').waitFor();
    await page.getByTestId('publish').click();
    const published = page.getByTestId('published');
    await published.getByText('Выпуск 1 опубликован (мероприятий: 1)').waitFor();
    for (const language of ['zh', 'en', 'ru']) {
      await expect(published.getByTestId(`public-page-${language}`).getAttribute('href')).resolves.toBe(`/api/public/events/${fixture.slug}/agenda.html?lang=${language}`);
    }
    await page.getByTestId('preview').getByText('С последнего выпуска ничего не изменилось').waitFor();
    // The form names the next release already.
    await expect(page.getByLabel('Название · русский').inputValue()).resolves.toBe('Программа, выпуск 2');
    // The past releases, each opening to its change list.
    const history = page.getByTestId('release-history');
    await history.getByTestId('release-number').getByText('1', { exact: true }).waitFor();
    await history.getByRole('button', { name: /развернуть|expand/i }).first().click();
    await history.getByTestId('change-list').locator('[data-kind="added"]').getByText('Логистический форум').waitFor();
    await browser.screenshot(page, 'release-published-ru');
    await browser.expectAccessible(page, 'release published (ru)');

    // Persisted and public: release 1 holds the session, and the public programme reads it in Russian.
    const after = await browser.stack.http.get(`/api/events/${fixture.eventId}/releases`, { token });
    expect(after.body.items.map((release: { number: number }) => release.number)).toEqual([1]);
    const data = await browser.stack.http.get(`/api/public/events/${fixture.slug}/programme?lang=ru`);
    expect(data.status).toBe(200);
    expect(JSON.stringify(data.body)).toContain('Логистический форум');
    await browser.expectClean(page);
    // Three pages, two languages and a publication: more than the default minute on two shared, busy cores.
  }, 150_000);

  it('names a room conflict between two drafts in the reader\'s language, each session linked to the timetable (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', releasePage());
    await page.getByRole('heading', { name: '发布版本' }).first().waitFor();
    // The toolbar of the programme pages leads from one to the other.
    await page.getByRole('navigation', { name: '日程页面' }).getByRole('link', { name: '冲突' }).click();
    await page.getByRole('heading', { name: '冲突报告' }).waitFor();
    expect(page.url()).toBe(browser.url(`/editions/${fixture.eventId}/programme/conflicts`));
    const row = page.locator('tr.conflict-row', { has: page.locator('[data-code="ROOM_CONFLICT"]') });
    await row.getByText('同一会议室同时有两场活动').waitFor();
    await row.getByRole('link', { name: 'Trade salon（中）' }).waitFor();
    await row.getByRole('link', { name: 'Energy salon（中）' }).waitFor();
    await row.getByText('Small room（中）').waitFor();
    await expect(row.getByRole('link', { name: 'Trade salon（中）' }).getAttribute('href')).resolves.toBe(
      `/console/editions/${fixture.eventId}/programme?session=${ids.salonA}`,
    );
    // 14:00 in Qingdao, whatever the browser's clock says.
    await expect(row.textContent()).resolves.toContain('14:00');
    await page.getByText('中国标准时间').first().waitFor();
    await browser.screenshot(page, 'conflicts-zh');
    await browser.expectAccessible(page, 'conflicts (zh)');

    // The link opens the timetable on the session's day (the second), with that session in the drawer.
    await row.getByRole('link', { name: 'Energy salon（中）' }).click();
    const drawer = page.getByTestId('session-drawer');
    await drawer.locator('.ant-drawer-title').getByText('Energy salon（中）').waitFor();
    await until(() => drawer.getByLabel('开始').inputValue(), '14:30');
    await page.locator('.ant-tabs-tab-active').getByText(/19/).waitFor();
    await page.getByTestId('session-block').filter({ hasText: 'Trade salon（中）' }).waitFor();
    expect(page.url()).toBe(browser.url(`/editions/${fixture.eventId}/programme?session=${ids.salonB}`));
    await browser.screenshot(page, 'conflict-link-drawer-zh');
    // Closed, the link is spent: the address no longer names the session.
    await drawer.getByRole('button', { name: '关闭' }).click();
    await page.waitForURL((url) => !url.search.includes('session='));
    await browser.expectClean(page);
  }, 90_000);

  it('lets an admin publish over a missing translation, and the release says so (Russian)', async () => {
    // After release 1: a new session with no Chinese title.
    ids.late = await createSession({ title: { en: 'Closing remarks', ru: 'Заключительное слово' }, roomId: fixture.remote, startsAt: at('2025-07-19', '17:00'), endsAt: at('2025-07-19', '17:30') });
    await browser.signIn(page, browser.admin(), 'ru', releasePage());
    await page.getByTestId('preview').getByText('Выпуск 2 опубликует эти изменения').waitFor();
    await page.getByTestId('blockers').getByTestId('gap').getByText('китайский').waitFor();
    await page.getByTestId('override').check();
    await browser.expectAccessible(page, 'release override (ru)');
    await page.getByTestId('publish').click();
    const published = page.getByTestId('published');
    await published.getByText('Выпуск 2 опубликован (мероприятий: 2)').waitFor();
    await published.getByText('Опубликован, несмотря на недостающие переводы.').waitFor();
    await page.getByTestId('release-history').getByText('Опубликован с пробелами').waitFor();
    const release = await browser.stack.http.get(`/api/events/${fixture.eventId}/releases/2`, { token });
    expect(release.body.translationsOverridden).toBe(true);
    const audit = await browser.stack.db.pool.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [release.body.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['release.published_with_missing_translations']);
    await browser.expectClean(page);
  }, 90_000);
});
