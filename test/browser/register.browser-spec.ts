import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { eventually } from '#testing/test-stack.js';
import { ConsoleBrowser, type ConsoleLanguage } from './support/console-browser.js';

/**
 * A guest's way in, with no account yet: the edition's public page, the registration form in each mode (open,
 * approval, by invitation link from the mail), as a delegate or the head of a delegation, then signing in.
 */
describe('Registering from the public page of an edition', () => {
  let browser: ConsoleBrowser;
  let organiser: string;
  let page: Page;
  let eventId: string;
  const run = Date.now().toString(36);
  const slug = `sco-expo-${run}`;
  const NOTICE = {
    zh: '组委会仅为组织会议处理您的个人信息，会后十二个月内删除。',
    en: 'The organisers process your personal data only to run the conference, and delete it twelve months after it.',
    ru: 'Организаторы обрабатывают ваши персональные данные только для проведения конференции и удаляют их через двенадцать месяцев после неё.',
  };

  const setMode = async (registrationMode: 'open' | 'approval' | 'invitation') => {
    const answer = await browser.stack.http.patch(`/api/events/${eventId}`, { registrationMode }, { token: organiser });
    expect(answer.status).toBe(200);
  };

  /** The .eml copies the worker wrote (no SMTP server in tests), parsed, of the messages sent to `email`. */
  const mailsTo = async (email: string) => {
    const folder = join(browser.stack.config.dataDir, 'mail');
    if (!existsSync(folder)) return [];
    const files = readdirSync(folder).filter((file) => file.endsWith('.eml'));
    const parsed = await Promise.all(files.map((file) => simpleParser(readFileSync(join(folder, file)))));
    return parsed.filter((mail) => JSON.stringify(mail.to ?? '').includes(email));
  };

  /** The link of `kind` a mail to `email` carries, read from the mail as the guest would click it. */
  const linkInMail = async (email: string, pattern: RegExp) =>
    eventually(async () => {
      for (const mail of await mailsTo(email)) {
        const found = pattern.exec(mail.text ?? '');
        if (found) return found[0];
      }
      return undefined;
    }, 30_000, `a mail to ${email} with ${pattern}`);

  /** The mail's link on this run's api (mails name PUBLIC_BASE_URL, which the test api does not listen on). */
  const onThisApi = (link: string) => {
    expect(link.startsWith(`${browser.stack.config.publicBaseUrl}/console/`)).toBe(true);
    return browser.stack.http.baseUrl + link.slice(browser.stack.config.publicBaseUrl.length);
  };

  const select = async (testId: string, search: string, option: string) => {
    const field = page.getByTestId(testId);
    await field.click();
    // Only the country selects search; the others open their list.
    const input = field.locator('input');
    const searches = await input.isEditable();
    if (searches) await input.fill(search);
    // The open dropdown's option (a select closed earlier keeps its own list in the page, hidden).
    const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
    await choice.waitFor();
    // A searched list re-renders as it filters, which can move an option away from a click: the first match
    // (the active one) is taken with Enter.
    if (searches) await input.press('Enter');
    else await choice.click();
    // Chosen only once the select shows it (a click during the dropdown's opening motion can miss).
    await field.getByText(option).first().waitFor();
  };

  /** The parts of the form every guest fills. */
  const fillPerson = async (person: { email: string; nameNative: string; nameLatin: string; country: [string, string] }) => {
    await page.getByTestId('field-email').fill(person.email);
    await page.getByTestId('field-password').fill('a password of mine 2026');
    await page.getByTestId('field-name-native').fill(person.nameNative);
    await page.getByTestId('field-name-latin').fill(person.nameLatin);
    await select('field-country', ...person.country);
  };

  /** Sends the form and waits for its outcome: the page after registering, or what stood in the way (which fails). */
  const submit = async () => {
    await page.getByTestId('register-submit').click();
    const outcome = page.locator('[data-testid="registered-title"], [data-error-code], .ant-form-item-explain-error').first();
    await outcome.waitFor();
    if ((await outcome.getAttribute('data-testid')) !== 'registered-title') {
      await browser.screenshot(page, `register-refused-${run}`);
      throw new Error(`registering was refused: ${await outcome.textContent()}`);
    }
  };

  const registration = async (email: string) => {
    const { rows } = await browser.stack.db.pool.query(
      `SELECT r.id, r.status, r.name_native, r.name_latin, r.country, r.category, r.preferred_language, r.consent_version, r.invitation_id,
              r.visa_passport_number IS NOT NULL AS has_visa, d.name AS delegation, d.head_registration_id = r.id AS heads
         FROM registration r JOIN app_user u ON u.id = r.user_id LEFT JOIN delegation d ON d.id = r.delegation_id
        WHERE u.email = $1 AND r.event_id = $2`,
      [email, eventId],
    );
    return rows;
  };

  const openAs = async (language: ConsoleLanguage, path: string) => {
    await browser.context.clearCookies();
    await browser.setLanguage(page, language);
    await page.goto(browser.url(path));
  };

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    // The worker sends the mails (written as files here) whose links the guests follow.
    await browser.stack.startWorker();
    const user = await browser.createUser('organiser', 'Wang Fang');
    organiser = await browser.stack.http.login(user.email, user.password);
    const created = await browser.stack.http.post(
      '/api/events',
      {
        slug,
        name: { zh: '中国—上海合作组织博览会', en: 'China–SCO Expo', ru: 'Выставка Китай — ШОС' },
        city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' },
        timeZone: 'Asia/Shanghai',
        firstDay: '2027-07-17',
        lastDay: '2027-07-19',
        defaultLanguage: 'zh',
        registrationMode: 'open',
        consentNoticeVersion: '2027-1',
        consentNotice: NOTICE,
      },
      { token: organiser },
    );
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect((await browser.stack.http.patch(`/api/events/${eventId}`, { status: 'published' }, { token: organiser })).status).toBe(200);
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('lets a guest register from the edition\'s page in Russian (open mode) and sign in to the console', async () => {
    await setMode('open');
    await openAs('ru', `/e/${slug}`);
    await expect(page.getByTestId('edition-name').textContent()).resolves.toBe('Выставка Китай — ШОС');
    await expect(page.getByTestId('edition-city').textContent()).resolves.toBe('Циндао');
    await expect(page.getByTestId('edition-dates').textContent()).resolves.toMatch(/17.{1,3}19 июля 2027/);
    await expect(page.getByTestId('edition-mode').textContent()).resolves.toContain('Открытая');
    await expect(page.getByTestId('public-programme').getAttribute('href')).resolves.toBe(`/api/public/events/${slug}/agenda.html?lang=ru`);
    await browser.screenshot(page, 'register-edition-ru');
    await browser.expectAccessible(page, 'edition page (ru)');

    await page.getByTestId('edition-register').click();
    await page.getByRole('heading', { name: 'Регистрация: Выставка Китай — ШОС' }).waitFor();
    // The notice in full, in the reader's language.
    await expect(page.getByTestId('consent-notice').textContent()).resolves.toBe(NOTICE.ru);
    const email = `aigerim-${run}@example.kz`;
    await fillPerson({ email, nameNative: 'Айгерим Сапарова', nameLatin: 'Aigerim Saparova', country: ['Казах', 'Казахстан'] });
    await page.getByTestId('field-organisation').fill('Astana Logistics JSC');
    await select('field-organisation-type', 'Предпр', 'Предприятие');
    await page.getByTestId('field-needs-visa').check();
    await select('field-visa-nationality', 'Казах', 'Казахстан');
    await page.getByTestId('field-visa-passport').fill('N12345678');
    await page.getByLabel('Дата рождения').fill('1985-04-12');
    await page.getByLabel('Дата рождения').press('Enter');

    // Without consent the form is not sent, and says why in Russian.
    await page.getByTestId('register-submit').click();
    await page.getByText('Для регистрации нужно ваше согласие на обработку персональных данных.').waitFor();
    await expect(registration(email)).resolves.toEqual([]);
    await page.getByTestId('field-consent').check();
    await browser.screenshot(page, 'register-form-ru');
    await browser.expectAccessible(page, 'registration form (ru)');
    await submit();
    await expect(page.getByTestId('registered-title').textContent()).resolves.toBe('Вы зарегистрированы');
    await expect(page.getByTestId('registered-next').textContent()).resolves.toContain(email);
    const [stored] = await registration(email);
    expect(stored).toMatchObject({
      status: 'approved',
      name_native: 'Айгерим Сапарова',
      name_latin: 'Aigerim Saparova',
      country: 'KZ',
      preferred_language: 'ru',
      consent_version: '2027-1',
      has_visa: true,
      delegation: null,
    });
    await browser.expectAccessible(page, 'registered (ru)');
    await browser.screenshot(page, 'register-done-ru');

    await page.getByTestId('registered-sign-in').click();
    // Signed in as the delegate just registered, on the delegate's first screen: their portal with this registration.
    await page.getByTestId('user-menu').getByText('Айгерим Сапарова · Делегат').waitFor();
    await page.getByRole('heading', { name: 'Мои регистрации' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/me');
    await browser.screenshot(page, 'register-signed-in-ru');
    await browser.expectClean(page);
  });

  it('greets a newcomer on the sign-in page the welcome mail links to, in the language of the mail', async () => {
    const email = `aigerim-${run}@example.kz`;
    const link = await linkInMail(email, /https?:\/\/\S+\/console\/sign-in\?welcome=1&lang=ru/);
    // A reader whose browser is set to English still gets the page in the mail's language.
    await openAs('en', '/sign-in');
    await page.goto(onThisApi(link));
    await expect(page.getByTestId('sign-in-welcome').textContent()).resolves.toContain('Добро пожаловать!');
    await page.locator('input[autocomplete="username"]').fill(email);
    await page.locator('input[autocomplete="current-password"]').fill('a password of mine 2026');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
    await browser.expectClean(page);
  });

  it('carries the invitation of the mail\'s link into the registration (Chinese), and says the edition is by invitation only without one', async () => {
    await setMode('invitation');
    await openAs('zh', `/e/${slug}/register`);
    await expect(page.getByTestId('invitation-only').textContent()).resolves.toContain('本届会议仅接受受邀嘉宾报名。');
    await expect(page.getByTestId('register-submit').count()).resolves.toBe(0);

    const email = `wang-${run}@example.cn`;
    const invited = await browser.stack.http.post(
      `/api/events/${eventId}/invitations`,
      { email, nameNative: '王芳', nameLatin: 'Wang Fang', country: 'CN', category: 'official', preferredLanguage: 'zh' },
      { token: organiser },
    );
    expect(invited.status).toBe(201);
    const link = await linkInMail(email, /https?:\/\/\S+\/console\/e\/[\w-]+\/register\?lang=zh&invitation=\S+/);
    expect(link).toBe(`${browser.stack.config.publicBaseUrl}/console/e/${slug}/register?lang=zh&invitation=${encodeURIComponent(invited.body.token)}`);

    await openAs('en', '/sign-in');
    await page.goto(onThisApi(link));
    await page.getByTestId('invitation-carried').waitFor();
    await page.getByRole('heading', { name: '报名参加中国—上海合作组织博览会' }).waitFor();
    await expect(page.getByTestId('consent-notice').textContent()).resolves.toBe(NOTICE.zh);
    await fillPerson({ email, nameNative: '王芳', nameLatin: 'Wang Fang', country: ['中国', '中国'] });
    await page.getByTestId('field-consent').check();
    await browser.screenshot(page, 'register-invitation-zh');
    await browser.expectAccessible(page, 'invited registration (zh)');
    await submit();
    await expect(page.getByTestId('registered-title').textContent()).resolves.toBe('报名成功');
    const [stored] = await registration(email);
    expect(stored).toMatchObject({ status: 'approved', name_native: '王芳', country: 'CN', preferred_language: 'zh', invitation_id: invited.body.id });
    await browser.screenshot(page, 'register-invitation-done-zh');

    // The link is single use: a second registration with it is refused, in Chinese.
    await browser.context.clearCookies();
    await page.goto(onThisApi(link));
    await fillPerson({ email: `other-${run}@example.cn`, nameNative: '李伟', nameLatin: 'Li Wei', country: ['中国', '中国'] });
    await page.getByTestId('field-consent').check();
    await page.getByTestId('register-submit').click();
    await page.locator('[data-error-code="INVALID_INVITATION"]').waitFor();
    await expect(registration(`other-${run}@example.cn`)).resolves.toEqual([]);
    await browser.expectClean(page);
  });

  it('says a registration waits for approval, and registers the head of a delegation (English)', async () => {
    await setMode('approval');
    await openAs('en', `/e/${slug}`);
    await expect(page.getByTestId('edition-mode').textContent()).resolves.toContain('With approval');
    await page.getByTestId('edition-register').click();
    await expect(page.getByTestId('approval-waits').textContent()).resolves.toContain('yours will wait for their approval');
    const email = `bakyt-${run}@example.kg`;
    await fillPerson({ email, nameNative: 'Бакыт Осмонов', nameLatin: 'Bakyt Osmonov', country: ['Kyrgyz', 'Kyrgyzstan'] });
    await select('field-category', 'Official', 'Official delegation');
    await page.getByTestId('field-participation').getByText('The head of a delegation').click();
    await page.getByTestId('field-delegation').fill(`Delegation of the Kyrgyz Republic ${run}`);
    await page.getByTestId('field-consent').check();
    await browser.expectAccessible(page, 'registration form, head of a delegation (en)');
    await submit();
    await expect(page.getByTestId('registered-title').textContent()).resolves.toBe('Your registration waits for approval');
    const [stored] = await registration(email);
    expect(stored).toMatchObject({ status: 'pending', category: 'official', delegation: `Delegation of the Kyrgyz Republic ${run}`, heads: true, has_visa: false });
    await browser.expectAccessible(page, 'registration pending (en)');
    await browser.screenshot(page, 'register-pending-en');
    await browser.expectClean(page);
  });

  it('asks a member joining a delegation of another country to confirm it, then registers them in it (Russian)', async () => {
    await setMode('approval');
    await openAs('ru', `/e/${slug}/register`);
    const email = `erlan-${run}@example.kz`;
    await fillPerson({ email, nameNative: 'Ерлан Нұров', nameLatin: 'Yerlan Nurov', country: ['Казах', 'Казахстан'] });
    await page.getByTestId('field-participation').getByText('Член делегации').click();
    // The Kyrgyz delegation the head registered in the test before.
    await page.getByTestId('field-delegation').fill(`Delegation of the Kyrgyz Republic ${run}`);
    await page.getByTestId('field-consent').check();
    await page.getByTestId('register-submit').click();
    await page.locator('[data-error-code="DELEGATION_COUNTRY_MISMATCH"]').waitFor();
    await expect(registration(email)).resolves.toEqual([]);
    await page.getByTestId('field-confirm-country').check();
    await browser.expectAccessible(page, 'country mismatch to confirm (ru)');
    // (The refusal's alert stays until the form is sent again, so submit() would read it.)
    await page.getByTestId('register-submit').click();
    await expect(page.getByTestId('registered-title').textContent()).resolves.toBe('Ваша заявка ждёт одобрения');
    const [stored] = await registration(email);
    expect(stored).toMatchObject({ status: 'pending', country: 'KZ', delegation: `Delegation of the Kyrgyz Republic ${run}`, heads: false });
    await browser.expectClean(page);
  });
});
