import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { pdfText } from '#testing/pdf-text.js';
import { samplePdf } from '#testing/sample-pdf.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

/**
 * Reads until the assertion holds, for up to 10 s (the page answers the api asynchronously); then fails with what
 * it last read. `poll(read).toBe(x)` as Playwright's expect.poll, which Jest lacks.
 */
function poll<T>(read: () => Promise<T>) {
  const retry = async (check: (value: T) => void) => {
    for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const value = await read();
      try {
        return check(value);
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  };
  return {
    toBe: (expected: T) => retry((value) => expect(value).toBe(expected)),
    toEqual: (expected: unknown) => retry((value) => expect(value).toEqual(expected)),
    toContain: (expected: string) => retry((value) => expect(value).toContain(expected)),
  };
}

/**
 * Protocol staff record an agreement at a signing ceremony (at 11:50 in Qingdao) in Russian, take it to signed and
 * attach the signed copy; an organiser approves it in Chinese; the run sheet prints the ceremony's wall clock.
 */
describe('Outcomes workspace: protocol staff record and sign, organisers approve, the run sheet prints', () => {
  let browser: ConsoleBrowser;
  let staff: ConsoleUser;
  let organiser: ConsoleUser;
  let organiserToken: string;
  let fixture: ProgrammeFixture;
  let ceremony: string;
  let page: Page;
  let outcomeId: string;
  let PDF: Buffer;
  const run = Date.now().toString(36);
  const TITLE = { zh: `青岛港合作协议 ${run}`, en: `Qingdao port cooperation agreement ${run}`, ru: `Соглашение о сотрудничестве порта Циндао ${run}` };

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    staff = await browser.createUser('staff', 'Protocol Staff');
    organiser = await browser.createUser('organiser', 'Anna Organiser');
    organiserToken = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, organiserToken);
    const session = await browser.stack.http.post(
      `/api/events/${fixture.eventId}/sessions`,
      sessionBody({ kind: 'signing_ceremony', title: { zh: '签约仪式', en: 'Signing ceremony', ru: 'Церемония подписания' }, roomId: fixture.hall, startsAt: at('2025-07-18', '11:50'), endsAt: at('2025-07-18', '12:10') }),
      { token: organiserToken },
    );
    ceremony = session.body.id;
    for (const [name, country] of [
      [{ zh: `青岛港集团 ${run}`, en: `Qingdao Port Group ${run}`, ru: `Группа порта Циндао ${run}` }, 'CN'],
      [{ zh: `阿斯塔纳物流 ${run}`, en: `Astana Logistics ${run}`, ru: `Астана Логистика ${run}` }, 'KZ'],
    ] as const) {
      const answer = await browser.stack.http.post('/api/organisations', { name, country, type: 'enterprise' }, { token: organiserToken });
      if (answer.status !== 201) throw new Error(answer.text);
    }
    PDF = await samplePdf('Signed copy');
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  const option = (text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });

  it('staff record an agreement with two parties and their signatories in Russian, mark it ready and signed, and upload the signed copy', async () => {
    // Staff land on the door page; the menu's outcomes ask for the edition first (none worked on yet), then open
    // the outcomes of the one they choose.
    await browser.signIn(page, staff, 'ru');
    await page.getByRole('navigation', { name: 'Разделы' }).getByText('Подписания и итоги').click();
    await page.getByRole('heading', { name: 'Выберите выпуск, над которым вы работаете' }).waitFor();
    await page.getByTestId('edition-choice').first().click();
    await page.getByRole('heading', { name: 'Подписания и итоги' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Разделы' }).textContent()).resolves.toContain('Подписания и итоги');

    await page.getByTestId('outcome-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#title_zh').fill(TITLE.zh);
    await dialog.locator('#title_en').fill(TITLE.en);
    await dialog.locator('#title_ru').fill(TITLE.ru);
    await dialog.getByTestId('form-session').click();
    await option('Церемония подписания').click();
    await dialog.getByTestId('form-areas').click();
    await option('Логистика и транспорт').click();
    await page.keyboard.press('Escape');
    await dialog.locator('#amount').fill('500000000');
    await dialog.locator('#valueConfidential').check();

    for (const [n, search, name] of [
      [1, 'Циндао', `Группа порта Циндао ${run}`],
      [2, 'Астана', `Астана Логистика ${run}`],
    ] as const) {
      await dialog.getByTestId('add-party').click();
      const select = dialog.getByRole('combobox', { name: `Организация, сторона ${n}` });
      await select.click();
      await select.fill(search);
      await option(name).click();
    }
    for (const [n, person, party] of [
      [1, 'Ли Ган', `Группа порта Циндао ${run}`],
      [2, 'Ван Вэйчжун', `Астана Логистика ${run}`],
    ] as const) {
      await dialog.getByTestId('add-person').click();
      const select = dialog.getByRole('combobox', { name: `Участник ${n}` });
      await select.click();
      await select.fill(person.split(' ')[0]);
      await option(person).click();
      await dialog.getByTestId('person-row').nth(n - 1).getByRole('combobox', { name: 'Подписывает за' }).click();
      await option(party).click();
    }
    await browser.expectAccessible(page, 'outcome form (ru)');
    await browser.screenshot(page, 'outcomes-form-ru');
    await page.getByTestId('outcome-form-save').click();

    // Saved, the outcome opens: planned, with the buttons the api allows a planned agreement, and none to publish.
    await page.getByRole('heading', { name: TITLE.ru }).waitFor();
    outcomeId = page.url().split('/').pop()!;
    const status = page.getByTestId('outcome-status');
    await poll(() => status.textContent()).toBe('готовится');
    await poll(() => page.locator('[data-testid^="action-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')))).toEqual(['action-ready', 'action-cancel']);
    const parties = page.getByTestId('parties-table');
    await poll(() => parties.textContent()).toContain('Ли Ган');
    await expect(parties.locator('tbody tr').nth(1).textContent()).resolves.toContain('Ван Вэйчжун');
    // Staff do not read a confidential amount.
    await expect(page.getByTestId('outcome-value').textContent()).resolves.toContain('Конфиденциально (видят только организаторы)');
    // Nothing to upload before the agreement is ready.
    await expect(page.getByTestId('document-file').count()).resolves.toBe(0);

    await page.getByTestId('action-ready').click();
    await poll(() => status.textContent()).toBe('готово');
    await page.getByTestId('action-sign').click();
    await poll(() => status.textContent()).toBe('подписано');
    // Signed: no state button left for staff; approve and withdraw are never shown to them.
    await poll(() => page.locator('[data-testid^="action-"]').count()).toBe(0);
    await expect(page.getByTestId('action-approve').count()).resolves.toBe(0);
    await expect(page.getByTestId('action-withdraw').count()).resolves.toBe(0);

    await page.getByTestId('document-file').setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: PDF });
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    await poll(() => page.getByTestId('document-checksum').first().textContent()).toBe(sha256);
    await page.getByTestId('document-download').first().click();
    await poll(() => page.getByTestId('document-verified').textContent()).toBe('сумма совпадает');
    await poll(() => page.evaluate(() => (globalThis as unknown as { __lastDownload?: { head: string; size: number } }).__lastDownload)).toEqual(expect.objectContaining({ head: '%PDF-', size: PDF.length }));

    const stored = await browser.stack.http.get(`/api/events/${fixture.eventId}/outcomes/${outcomeId}`, { token: organiserToken });
    expect(stored.body).toMatchObject({ status: 'signed', title: TITLE, areas: ['logistics'], value: { amount: '500000000.00', currency: 'CNY', confidential: true }, sessionId: ceremony, approvedAt: null });
    expect(stored.body.people.map((p: { role: string }) => p.role)).toEqual(['signatory', 'signatory']);
    expect(stored.body.documents[0].sha256).toBe(sha256);
    await browser.expectAccessible(page, 'signed agreement (ru)');
    await browser.screenshot(page, 'outcomes-detail-ru');

    // The run sheet of its ceremony, in Russian: Qingdao's wall clock, the zone named, the status translated.
    await page.getByTestId('outcome-run-sheet').click();
    await page.getByTestId('run-sheet-frame').waitFor();
    const frame = page.frameLocator('[data-testid="run-sheet-frame"]');
    await frame.locator('h1').waitFor();
    const sheet = (await frame.locator('body').textContent()) ?? '';
    expect(sheet).toContain('11:50–12:10');
    expect(sheet).toContain('Asia/Shanghai (UTC+08:00)');
    expect(sheet).toContain('подписано');
    expect(sheet).not.toContain('03:50');
    await expect(frame.locator('section.ceremony table.parties').textContent()).resolves.toContain('Ли Ган');
    await page.getByTestId('run-sheet-pdf').click();
    await poll(() => page.evaluate(() => (globalThis as unknown as { __lastDownload?: { name: string; head: string } }).__lastDownload)).toEqual(expect.objectContaining({ name: 'run-sheet-ru.pdf', head: '%PDF-' }));
    await browser.expectAccessible(page, 'run sheet (ru)');
    await browser.screenshot(page, 'outcomes-run-sheet-ru');
    await browser.expectClean(page);
  });

  it('an organiser approves the signed agreement in Chinese, and its run sheet PDF gives the ceremony at 11:50', async () => {
    await browser.signIn(page, organiser, 'zh', `/editions/${fixture.eventId}/outcomes`);
    await page.getByRole('heading', { name: '签约与成果' }).waitFor();
    await page.getByTestId('filter-status').click();
    await option('已签约').click();
    const row = page.getByTestId('outcome-title').filter({ hasText: TITLE.zh });
    await row.waitFor();
    await expect(page.getByTestId('outcome-title').count()).resolves.toBe(1);
    await browser.expectAccessible(page, 'outcomes list (zh)');
    await browser.screenshot(page, 'outcomes-list-zh');
    await row.click();

    await page.getByRole('heading', { name: TITLE.zh }).waitFor();
    // Organisers read the confidential amount.
    await poll(() => page.getByTestId('outcome-value').textContent()).toContain('500,000,000');
    await poll(() => page.locator('[data-testid^="action-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')))).toEqual(['action-approve']);
    await page.getByTestId('action-approve').click();
    await poll(() => page.getByTestId('outcome-published').textContent()).toBe('已公开');
    await poll(() => page.locator('[data-testid^="action-"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')))).toEqual(['action-withdraw']);
    const stored = await browser.stack.http.get(`/api/events/${fixture.eventId}/outcomes/${outcomeId}`, { token: organiserToken });
    expect(stored.body.approvedAt).not.toBeNull();
    await browser.expectAccessible(page, 'approved agreement (zh)');
    await browser.screenshot(page, 'outcomes-detail-zh');

    await page.getByTestId('outcome-run-sheet').click();
    const frame = page.frameLocator('[data-testid="run-sheet-frame"]');
    await frame.locator('h1').waitFor();
    await poll(async () => (await frame.locator('body').textContent()) ?? '').toContain('已签约');
    await expect(frame.locator('body').textContent()).resolves.toContain('11:50–12:10');
    await page.getByTestId('run-sheet-pdf').click();
    await poll(() => page.evaluate(() => (globalThis as unknown as { __lastDownload?: { name: string } }).__lastDownload?.name)).toBe('run-sheet-zh.pdf');
    // The same PDF through the api, read back with pdftotext: the wall clock of Qingdao, not UTC.
    const pdf = await browser.stack.http.bytes(`/api/events/${fixture.eventId}/sessions/${ceremony}/run-sheet?lang=zh&format=pdf`, { token: organiserToken });
    const text = pdfText(pdf.body);
    expect(text).toContain('11:50–12:10');
    expect(text).toContain('Asia/Shanghai');
    expect(text.replace(/\s+/g, '')).toContain('已签约');
    await browser.expectAccessible(page, 'run sheet (zh)');
    await browser.screenshot(page, 'outcomes-run-sheet-zh');
    await browser.expectClean(page);
  });
});
