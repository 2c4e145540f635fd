import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

export type ConsoleLanguage = 'zh' | 'en' | 'ru';

export interface ConsoleUser {
  email: string;
  password: string;
  displayName: string;
}

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'browser');
const LANGUAGE_KEY = 'sco-console-language';

/** What the functions run inside the page use (these files are compiled without the DOM library). */
interface BrowserGlobals {
  localStorage: { setItem(key: string, value: string): void };
  document: { querySelectorAll(selector: string): { length: number } };
  axe: typeof axe;
  __missingTranslations?: string[];
}

/**
 * One browser test file's world: its own database and in-process api (serving the built console from
 * dist/console, so `npm run build` comes first) and one headless Chromium with a fresh profile. Pages it opens
 * record uncaught errors; `close()` stops everything it started.
 */
export class ConsoleBrowser {
  private readonly pageErrors: string[] = [];

  private constructor(
    readonly stack: TestStack,
    readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  /** `extraArgs` are added to Chromium's (e.g. a fake camera fed from a file); the defaults stay as they are. */
  static async start(options: { extraArgs?: string[] } = {}): Promise<ConsoleBrowser> {
    const stack = await (await TestStack.create()).startApi();
    const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
        locale: 'en-GB',
        viewport: { width: 1400, height: 900 },
      });
      return new ConsoleBrowser(stack, context, profile);
    } catch (error) {
      await stack.close();
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }
  }

  /** The console's address on this run's api, e.g. url('/editions') → http://127.0.0.1:PORT/console/editions. */
  url(path = '/'): string {
    return `${this.stack.http.baseUrl}/console${path}`;
  }

  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** An account made through the api by the test admin (organiser by default), to sign in with. */
  async createUser(role: 'organiser' | 'staff' | 'delegate' | 'admin' = 'organiser', displayName = `Organiser ${role}`): Promise<ConsoleUser> {
    const token = await this.stack.loginAsAdmin();
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    const password = `${role} password for the browser`;
    const answer = await this.stack.http.post('/api/users', { email, displayName, role, password }, { token });
    if (answer.status !== 201) throw new Error(`creating ${role}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { email, password, displayName };
  }

  admin(): ConsoleUser {
    return { ...TEST_ADMIN, displayName: 'Administrator' };
  }

  /** Opens the sign-in page in `language` and signs in through the form; resolves on the first screen after it. */
  async signIn(page: Page, user: ConsoleUser, language: ConsoleLanguage = 'en', next?: string): Promise<void> {
    // A browser session kept by the refresh cookie would skip the form: each sign-in starts signed out.
    await this.context.clearCookies();
    await this.setLanguage(page, language);
    await page.goto(this.url(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'));
    await page.locator('input[autocomplete="username"]').fill(user.email);
    await page.locator('input[autocomplete="current-password"]').fill(user.password);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
  }

  /** The language the console opens in next time (what the switch remembers), set before the page loads. */
  async setLanguage(page: Page, language: ConsoleLanguage): Promise<void> {
    if (!page.url().startsWith(this.stack.http.baseUrl)) await page.goto(this.url('/sign-in'));
    await page.evaluate(([key, value]) => (globalThis as unknown as BrowserGlobals).localStorage.setItem(key, value), [LANGUAGE_KEY, language]);
  }

  /** Runs axe-core in the page; fails listing every serious or critical violation. */
  async expectAccessible(page: Page, what = page.url()): Promise<void> {
    // A select's dropdown closes with an animation, during which antd's listbox is still on screen without a name:
    // axe reads the page once such leftovers are gone (a dropdown left open on purpose is still read, after 3 s).
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .first()
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => undefined);
    // Likewise a dialog fading in or out (rc-motion's *-enter/-appear/-leave-active classes) is drawn half
    // transparent, which axe reads as text of too little contrast: wait until no such motion is running.
    await page
      .waitForFunction(
        () => (globalThis as unknown as BrowserGlobals).document.querySelectorAll('[class*="-enter-active"], [class*="-appear-active"], [class*="-leave-active"]').length === 0,
        undefined,
        { timeout: 3_000 },
      )
      .catch(() => undefined);
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const { axe: inPage, document } = globalThis as unknown as BrowserGlobals;
      const result = await inPage.run(document as never, { resultTypes: ['violations'] });
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
    });
    expect({ page: what, violations }).toEqual({ page: what, violations: [] });
  }

  /** Catalogue keys the page asked for and did not find (src/i18n/i18n.ts collects them). */
  async missingTranslations(page: Page): Promise<string[]> {
    return page.evaluate(() => (globalThis as unknown as BrowserGlobals).__missingTranslations ?? []);
  }

  /** Fails on any missing catalogue key or uncaught error in the console so far. */
  async expectClean(page: Page): Promise<void> {
    expect({ missingTranslations: await this.missingTranslations(page), pageErrors: this.pageErrors }).toEqual({ missingTranslations: [], pageErrors: [] });
  }

  /** A full-page screenshot under test-output/browser/<name>.png (gitignored), for people to look at. */
  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      rmSync(this.profile, { recursive: true, force: true });
      await this.stack.close();
    }
  }
}
