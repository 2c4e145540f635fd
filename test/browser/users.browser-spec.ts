import type { Page } from 'playwright-core';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';
import { untilPasses } from './support/until-passes.js';

/** Picks an option of an antd Select inside the open dialog, by the field's label and the option's text. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.locator('.ant-modal').getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

describe('The admins’ Users page', () => {
  let browser: ConsoleBrowser;
  let admin: ConsoleUser;
  let organiser: ConsoleUser;
  let page: Page;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    admin = await browser.createUser('admin', 'Admin Li');
    organiser = await browser.createUser('organiser', 'Wang Fang');
  }, 60_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('lets an admin (Russian) create a door staff account with a generated password, which then signs in (Chinese) on the check-in page', async () => {
    await browser.signIn(page, admin, 'ru');
    await page.locator('nav .ant-menu-item', { hasText: 'Пользователи' }).click();
    await page.getByRole('heading', { name: 'Учётные записи' }).waitFor();
    await page.getByTestId('user-new').click();
    const email = `door-${suffix}@example.org`;
    await page.getByTestId('user-email-input').fill(email);
    await page.getByTestId('user-name-input').fill('Дверь Один');
    await choose(page, 'Роль', 'Сотрудник');
    // A generated password is offered, already following the api's rule.
    await untilPasses(() => page.getByTestId('user-password-input').inputValue(), (value) => expect(value).toMatch(/^.{12,}$/));
    await page.getByTestId('user-password-generate').click();
    const password = await page.getByTestId('user-password-input').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await browser.expectAccessible(page, 'users new dialog (ru)');
    await page.getByTestId('user-dialog-save').click();

    await untilPasses(() => page.getByTestId('user-handover-password').textContent(), (value) => expect(value).toBe(password));
    const row = page.getByTestId(`user-row-${email}`);
    await untilPasses(() => row.getByTestId('user-role').textContent(), (value) => expect(value).toBe('Сотрудник'));
    await expect(row.textContent()).resolves.toContain('Активна');
    await browser.expectAccessible(page, 'users (ru)');
    await browser.screenshot(page, 'users-ru');

    // The same e-mail again: the api's refusal, in Russian, stays in the dialog.
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-email-input').fill(email);
    await page.getByTestId('user-name-input').fill('Дубликат');
    await choose(page, 'Роль', 'Сотрудник');
    await page.getByTestId('user-dialog-save').click();
    await untilPasses(() => page.locator('.ant-modal [data-error-code="EMAIL_TAKEN"]').textContent(), (value) => expect(value).toContain('Этот адрес почты уже используется'));
    await page.locator('.ant-modal').getByRole('button', { name: 'Отмена' }).click();
    await browser.expectClean(page);

    await browser.signIn(page, { email, password, displayName: 'Дверь Один' }, 'zh');
    await untilPasses(() => new URL(page.url()).pathname, (value) => expect(value).toBe('/console/checkin'));
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Дверь Один');
    await browser.expectClean(page);
  });

  it('lets an admin (English) find an account by search and change its role', async () => {
    const someone = await browser.createUser('staff', `Protocol ${suffix}`);
    await browser.signIn(page, admin, 'en', '/users');
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByTestId('user-search').locator('input').fill(someone.email);
    await page.getByTestId('user-search').locator('input').press('Enter');
    const row = page.getByTestId(`user-row-${someone.email}`);
    await untilPasses(() => row.getByTestId('user-role').textContent(), (value) => expect(value).toBe('Staff'));
    await untilPasses(() => page.getByTestId('user-email').count(), (value) => expect(value).toBe(1));
    await row.getByTestId('user-edit').click();
    await choose(page, 'Role', 'Organiser');
    await page.getByTestId('user-dialog-save').click();
    await untilPasses(() => row.getByTestId('user-role').textContent(), (value) => expect(value).toBe('Organiser'));
    await browser.expectAccessible(page, 'users (en)');
    await browser.expectClean(page);
  });

  it('shows an organiser no Users entry and the forbidden page at /console/users (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh');
    const menu = await page.locator('nav .ant-menu-item').allTextContents();
    expect(menu.length).toBeGreaterThan(0);
    expect(menu).not.toContain('用户');
    await page.goto(browser.url('/users'));
    await untilPasses(() => page.getByTestId('forbidden').textContent(), (value) => expect(value).toBe('您的角色无法打开此页面。'));
    await browser.expectAccessible(page, 'users forbidden (zh)');
    await browser.expectClean(page);
  });
});
