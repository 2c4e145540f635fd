import type { Page } from 'playwright-core';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

describe('Signing in to the console', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let page: Page;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Wang Fang');
  }, 60_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    await browser.context.clearCookies();
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('refuses a wrong password in the reader’s language, by its code', async () => {
    await browser.setLanguage(page, 'ru');
    await page.goto(browser.url('/sign-in'));
    await browser.expectAccessible(page, 'sign-in (ru)');
    await page.locator('input[autocomplete="username"]').fill(organiser.email);
    await page.locator('input[autocomplete="current-password"]').fill('not the password');
    await page.locator('button[type="submit"]').click();
    const alert = page.locator('[data-error-code="INVALID_CREDENTIALS"]');
    await expect(alert.textContent()).resolves.toContain('Неверная эл. почта или пароль');
    await browser.expectClean(page);
  });

  it('signs in, shows the organiser’s workspaces, and signs out', async () => {
    await browser.signIn(page, organiser, 'en');
    expect(new URL(page.url()).pathname).toBe('/console/editions');
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Wang Fang');
    const menu = await page.locator('nav .ant-menu-item').allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['Editions', 'Messages']));
    await page.getByRole('heading', { name: 'Editions' }).waitFor();
    await browser.expectAccessible(page, 'editions (en)');
    await browser.screenshot(page, 'editions-en');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in\?signedOut/);
    await page.getByText('You have signed out.').waitFor();
    await browser.expectClean(page);
  });

  it('keeps the session across a reload through the HttpOnly refresh cookie, with no token in the page’s storage (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh');
    const cookies = await browser.context.cookies();
    const refresh = cookies.find((cookie) => cookie.name === 'sco_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(cookies.find((cookie) => cookie.name === 'sco_csrf')).toMatchObject({ httpOnly: false, sameSite: 'Strict', path: '/' });
    // The access token lives in memory only: nothing of either token is written where a script could read it later.
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as { localStorage: Record<string, string>; sessionStorage: Record<string, string> };
      return JSON.stringify({ ...localStorage, ...sessionStorage });
    });
    expect(stored).not.toContain(refresh!.value);
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/editions');
    await expect(page.locator('input[autocomplete="username"]').count()).resolves.toBe(0);
    // The refresh on load rotated the cookie (single use), as the api promises.
    const rotated = (await browser.context.cookies()).find((cookie) => cookie.name === 'sco_refresh');
    expect(rotated?.value).not.toBe(refresh!.value);
    await browser.expectClean(page);
  });

  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    await browser.setLanguage(page, 'en');
    await page.goto(browser.url('/messages'));
    await page.waitForURL(/\/console\/sign-in\?next=%2Fmessages/);
    await page.locator('input[autocomplete="username"]').fill(organiser.email);
    await page.locator('input[autocomplete="current-password"]').fill(organiser.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/console\/messages$/);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await browser.expectClean(page);
  });
});
