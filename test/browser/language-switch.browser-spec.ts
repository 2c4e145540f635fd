import type { Page } from 'playwright-core';
import { ConsoleBrowser, type ConsoleLanguage } from './support/console-browser.js';

/**
 * Switching the language through the switch changes every visible word of the console's own: headings, menu
 * entries, column titles, buttons, labels, placeholders, names for assistive technology. Read from the rendered
 * page, so a word hard-coded in a component (not from the catalogue) fails here.
 */
// Russian writes "No." as the numero sign, a word of its own.
const SCRIPT: Record<Exclude<ConsoleLanguage, 'en'>, RegExp> = { zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}|№/u };
const FOREIGN_SCRIPT = /[\p{Script=Han}\p{Script=Cyrillic}]/u;

interface BrowserDocument {
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
}
interface BrowserElement {
  closest(selector: string): unknown;
  getClientRects(): ArrayLike<unknown>;
  getAttribute(name: string): string | null;
  innerText: string;
}

/** The console's own words on screen (data such as names and dates is left out: table cells, the account's name). */
function visibleLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: BrowserDocument };
    const chrome = 'h1, h2, h3, h4, h5, th, button, label, .ant-menu-item, .ant-menu-submenu-title, .ant-tabs-tab, .ant-select-selection-placeholder, .ant-empty-description, .ant-pagination-total-text, .ant-alert-title, .ant-form-item-explain';
    // The language switch names each language in itself on purpose; the account menu shows the person's name.
    // antd's icons carry their icon's English name as aria-label ("down", "search"); each sits in a control that
    // has a name of its own in the reader's language (checked by axe), so they are left out here.
    const neutral = '[data-testid="language-switch"], [data-testid="user-menu"], td, .anticon';
    // One entry per element and attribute, in page order: the same page in another language gives as many.
    const labels: string[] = [];
    for (const element of Array.from(document.querySelectorAll(chrome))) {
      if (element.closest(neutral) || element.getClientRects().length === 0) continue;
      const text = element.innerText.trim();
      if (text) labels.push(text);
    }
    for (const element of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      if (element.closest(neutral)) continue;
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) labels.push(text);
      }
    }
    // Words only: counts, dates, country codes and time-zone names (Asia/Shanghai) read the same in every language
    // (one Han character is a word).
    return labels
      .filter((label) => !/^[A-Z][a-z]+(\/[A-Za-z_]+)+$/.test(label))
      .filter((label) => /\p{L}{2,}|\p{Script=Han}|№/u.test(label.replace(/\b[A-Z]{2}\b/g, '')));
  });
}

describe('The language switch changes every word of the console', () => {
  let browser: ConsoleBrowser;
  let eventId: string;
  let page: Page;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    const token = await browser.stack.loginAsAdmin();
    const created = await browser.stack.http.post(
      '/api/events',
      {
        slug: `switch-${Date.now()}`,
        name: {
          zh: '中国—上海合作组织地方经贸合作大会',
          en: 'China–SCO Local Economic and Trade Cooperation Conference',
          ru: 'Конференция ШОС по местному торгово-экономическому сотрудничеству',
        },
        city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' },
        timeZone: 'Asia/Shanghai',
        firstDay: '2025-07-18',
        lastDay: '2025-07-19',
        defaultLanguage: 'zh',
      },
      { token },
    );
    expect(created.status).toBe(201);
    eventId = created.body.id as string;
    page = await browser.newPage();
    await browser.signIn(page, browser.admin(), 'en', '/editions');
  }, 120_000);
  afterAll(() => browser?.close());

  async function switchTo(language: ConsoleLanguage): Promise<void> {
    await page.getByTestId('language-switch').click();
    await page.locator(`.ant-select-item-option [lang="${language}"]`).click();
    // The console marks the document's language (zh as zh-CN, as the fonts of simplified Chinese want).
    await page.locator(`html[lang="${language === 'zh' ? 'zh-CN' : language}"]`).waitFor({ state: 'attached' });
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  }

  const pages = () => [
    '/editions',
    `/editions/${eventId}/settings`,
    `/editions/${eventId}/rooms`,
    `/editions/${eventId}/programme`,
    `/editions/${eventId}/programme/release`,
    `/editions/${eventId}/registrations`,
    `/editions/${eventId}/registrations/guest-list`,
    '/organisations',
    '/people',
    '/messages',
    '/messages/audit',
  ];

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('page %i of the organisers’ workspace: English, then Chinese, then Russian', async (index) => {
    const path = pages()[index];
    await page.goto(browser.url(path));
    await page.getByTestId('user-menu').waitFor();
    if (index > 0) await switchTo('en');
    await page.locator('h1, h2, h3, h4').first().waitFor();
    // The page has settled: its list answered (an empty table or rows).
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    const english = await visibleLabels(page);
    expect(english.length).toBeGreaterThan(4);
    expect({ path, foreign: english.filter((label) => FOREIGN_SCRIPT.test(label)) }).toEqual({ path, foreign: [] });

    for (const language of ['zh', 'ru'] as const) {
      await switchTo(language);
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden' }).catch(() => undefined);
      const labels = await visibleLabels(page);
      expect({ path, language, untranslated: labels.filter((label) => !SCRIPT[language].test(label)) }).toEqual({ path, language, untranslated: [] });
      // The same number of words on screen: nothing vanished for want of a translation.
      expect(labels.length).toBe(english.length);
    }
    await browser.expectClean(page);
  });
});
