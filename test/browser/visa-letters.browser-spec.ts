import type { Page } from 'playwright-core';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { pdfPages, withoutSpaces } from '#testing/pdf-text.js';
import { buildProgramme, type ProgrammeFixture } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

/** The letter text as an organiser types it, field by field and language by language. */
const TEXT = {
  body: {
    zh: '兹邀请下列人员来华出席中国—上海合作组织博览会。',
    en: 'We invite the person named below to China to attend the China–SCO Expo.',
    ru: 'Приглашаем указанное ниже лицо в Китай для участия в выставке Китай — ШОС.',
  },
  purpose: { zh: '出席会议', en: 'To attend the conference', ru: 'Участие в конференции' },
  organiserName: { zh: '青岛市商务局', en: 'Qingdao Municipal Bureau of Commerce', ru: 'Бюро коммерции города Циндао' },
  organiserAddress: { zh: '青岛市市南区香港中路7号', en: '7 Xianggang Middle Road, Qingdao', ru: 'Циндао, ул. Сянган Чжунлу, 7' },
  signatoryName: { zh: '王明', en: 'Wang Ming', ru: 'Ван Мин' },
  signatoryTitle: { zh: '局长', en: 'Director General', ru: 'Генеральный директор' },
  signatoryOrganisation: { zh: '青岛市商务局', en: 'Qingdao Municipal Bureau of Commerce', ru: 'Бюро коммерции города Циндао' },
};
const CONTACT = '+86 532 0000 0000 · visa@example.cn';

describe('Visa invitation letters: organisers set the text, delegates download, organisers see the log', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let organiserToken: string;
  let fixture: ProgrammeFixture;
  let page: Page;
  const run = Date.now();
  const approved = { email: `visa-approved-${run}@example.kz`, password: 'visa delegate password', displayName: 'Aigerim' };
  const pending = { email: `visa-pending-${run}@example.kz`, password: 'visa delegate password', displayName: 'Marat' };

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Li Na');
    organiserToken = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, organiserToken);
    await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published', registrationMode: 'approval' }, { token: organiserToken });
    for (const who of [approved, pending]) {
      const answer = await browser.stack.http.post(`/api/public/events/${fixture.slug}/registrations`, { ...DELEGATE_DETAILS, email: who.email, password: who.password });
      if (answer.status !== 201) throw new Error(`sign-up: ${answer.status} ${answer.text}`);
      if (who === approved) await browser.stack.http.post(`/api/events/${fixture.eventId}/registrations/${answer.body.id}/approve`, undefined, { token: organiserToken });
    }
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('lets the organiser set the trilingual letter text and signature block, with a preview (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', `/editions/${fixture.eventId}/visa`);
    await page.getByRole('heading', { name: '签证邀请函', level: 2 }).waitFor();
    await page.getByTestId('letter-not-set').waitFor();
    for (const [field, value] of Object.entries(TEXT)) {
      for (const language of ['zh', 'en', 'ru'] as const) await page.locator(`#${field}_${language}`).fill(value[language]);
    }
    await page.locator('#organiserContact').fill(CONTACT);
    // The preview follows the typing: Chinese beside Russian by default.
    await page.getByTestId('letter-preview-zh').filter({ hasText: TEXT.body.zh }).waitFor();
    await page.getByTestId('letter-preview-ru').filter({ hasText: 'Генеральный директор' }).waitFor();
    await page.getByTestId('letter-save').click();
    await page.getByTestId('letter-saved').waitFor();
    const saved = await browser.stack.http.get(`/api/events/${fixture.eventId}/visa-letter`, { token: organiserToken });
    expect(saved.body).toMatchObject({ ...TEXT, organiserContact: CONTACT });
    await browser.expectAccessible(page, 'visa letter text (zh)');
    await browser.expectClean(page);
    await browser.screenshot(page, 'visa-text-zh');
  });

  it('gives an approved delegate with visa data their letter in Chinese and Russian (Russian)', async () => {
    await browser.signIn(page, approved, 'ru', '/letter');
    await page.getByRole('heading', { name: 'Мои визовые приглашения' }).waitFor();
    const button = page.getByTestId('letter-download');
    await button.waitFor();
    await page.getByTestId('letter-language').filter({ hasText: 'Китайский и русский' }).waitFor();
    // The very bytes the page receives (and saves): the answer is passed through the test on its way in.
    let letter: { status: number; cacheControl?: string; body: Buffer } | undefined;
    await page.route('**/visa-letter.pdf*', async (route) => {
      const response = await route.fetch();
      letter = { status: response.status(), cacheControl: response.headers()['cache-control'], body: await response.body() };
      await route.fulfill({ response });
    });
    await button.click();
    await page.getByTestId('letter-reference').waitFor();
    expect(letter).toMatchObject({ status: 200, cacheControl: 'no-store' });
    const pages = pdfPages(letter!.body);
    expect(pages).toHaveLength(2);
    const reference = /VL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(pages[0])![0];
    const [zh, ru] = pages.map(withoutSpaces);
    expect(zh).toContain(withoutSpaces(TEXT.body.zh));
    expect(zh).toContain('邀请函');
    expect(zh).toContain(reference);
    expect(ru).toContain(withoutSpaces(TEXT.body.ru));
    expect(ru).toContain('Письмо-приглашение');
    expect(ru).toContain(reference);
    expect(ru).toContain('AigerimSaparova');
    expect(ru).toContain('N12345678');
    // The page now names the letter's reference (the list is read again after the download).
    await page.getByTestId('letter-reference').filter({ hasText: reference }).waitFor();
    await browser.expectAccessible(page, 'my visa letters (ru)');
    await browser.expectClean(page);
    await browser.screenshot(page, 'visa-letter-ru');
  });

  it('tells a pending delegate why there is no letter yet (English, then Russian)', async () => {
    await browser.signIn(page, pending, 'en', '/letter');
    const refusal = page.getByTestId('letter-refusal');
    await refusal.waitFor();
    await expect(refusal.getAttribute('data-code')).resolves.toBe('VISA_LETTER_NOT_APPROVED');
    await refusal.filter({ hasText: /^A visa letter is issued once the registration is approved\.$/ }).waitFor();
    await expect(page.getByTestId('letter-download').count()).resolves.toBe(0);
    await browser.expectAccessible(page, 'my visa letters, pending (en)');
    await browser.setLanguage(page, 'ru');
    await page.reload();
    await page.getByTestId('letter-refusal').filter({ hasText: /^Визовое приглашение выдаётся после одобрения регистрации\.$/ }).waitFor();
    await browser.expectClean(page);
    await browser.screenshot(page, 'visa-pending-ru');
  });

  it('shows the organiser who downloaded their letter (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', `/editions/${fixture.eventId}/visa?tab=log`);
    const log = page.getByTestId('download-log');
    await log.getByTestId('log-name').filter({ hasText: /^Айгерим Сапарова$/ }).waitFor();
    await expect(log.getByTestId('log-downloads').first().textContent()).resolves.toBe('1');
    await expect(log.textContent()).resolves.toContain('俄文');
    await browser.expectAccessible(page, 'visa letter downloads (zh)');
    await browser.expectClean(page);
    await browser.screenshot(page, 'visa-log-zh');
  });
});
