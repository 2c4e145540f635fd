import type { Page } from 'playwright-core';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { buildProgramme, type ProgrammeFixture } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

describe('Registrations workspace: decisions', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let fixture: ProgrammeFixture;
  let page: Page;
  const ids: Record<string, string> = {};

  /** A delegate signing up through the public form, as they would: a pending registration. */
  async function signUp(nameLatin: string, nameNative: string): Promise<string> {
    const email = `${nameLatin.toLowerCase().replace(/\W+/g, '.')}-${Date.now()}@example.kz`;
    const answer = await browser.stack.http.post(`/api/public/events/${fixture.slug}/registrations`, {
      ...DELEGATE_DETAILS,
      nameLatin,
      nameNative,
      newOrganisation: { name: 'Astana Logistics JSC', type: 'enterprise' },
      email,
      password: 'delegate password 12',
    });
    if (answer.status !== 201) throw new Error(`sign-up: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Li Wei');
    const token = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, token);
    await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published', registrationMode: 'approval' }, { token });
    ids.aigerim = await signUp('Aigerim Saparova', 'Айгерим Сапарова');
    ids.bolat = await signUp('Bolat Nurlanov', 'Болат Нурланов');
    ids.dilnoza = await signUp('Dilnoza Karimova', 'Дилноза Каримова');
    // One already approved: the bulk approval must report it left as it was, with its code.
    const approved = await browser.stack.http.post(`/api/events/${fixture.eventId}/registrations/${ids.dilnoza}/approve`, undefined, { token });
    expect(approved.status).toBe(200);
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  const row = (name: string) => page.locator('tr.ant-table-row', { hasText: name });

  it('approves a selection in bulk and shows each row left as it was, with its reason (Russian)', async () => {
    await browser.signIn(page, organiser, 'ru', `/editions/${fixture.eventId}/registrations`);
    await page.getByRole('heading', { name: 'Регистрации' }).waitFor();
    await row('Aigerim Saparova').waitFor();
    await browser.expectAccessible(page, 'registrations (ru)');

    for (const name of ['Aigerim Saparova', 'Bolat Nurlanov', 'Dilnoza Karimova']) await row(name).locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-approve').click();
    const report = page.getByTestId('bulk-result');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('Изменено: 2, без изменений: 1');
    await expect(report.locator('[data-error-code="INVALID_TRANSITION"]').count()).resolves.toBe(1);
    await expect(report.textContent()).resolves.toContain(ids.dilnoza);
    // The list is read again after the report: wait for the new status rather than read the old one once.
    await row('Bolat Nurlanov').getByTestId('registration-status').filter({ hasText: /^Одобрена$/ }).waitFor();
    await browser.expectAccessible(page, 'registrations after bulk (ru)');

    const statuses = await browser.stack.db.pool.query(`SELECT status FROM registration WHERE id = ANY($1) ORDER BY name_latin`, [[ids.aigerim, ids.bolat]]);
    expect(statuses.rows.map((r) => r.status)).toEqual(['approved', 'approved']);
    await browser.expectClean(page);
  });

  it('filters by status as the api does, and rejects one with a reason (English)', async () => {
    const carol = await signUp('Carol Smith', 'Carol Smith');
    await browser.signIn(page, organiser, 'en', `/editions/${fixture.eventId}/registrations`);
    await page.getByRole('heading', { name: 'Registrations' }).waitFor();
    await page.getByTestId('filter-status').click();
    await page.locator('.ant-select-item-option', { hasText: 'Pending' }).click();
    await row('Carol Smith').waitFor();
    // Dilnoza was approved before: the pending filter leaves her out.
    await row('Dilnoza Karimova').waitFor({ state: 'detached' });
    const shown = await page.getByTestId('registration-status').allTextContents();
    expect(new Set(shown)).toEqual(new Set(['Pending']));

    await page.getByRole('button', { name: 'Reject Carol Smith' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('No seats left for this category');
    await browser.expectAccessible(page, 'reject dialog (en)');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('No registration matches').waitFor();
    // The export goes with the bearer token (a bare link would be refused 401) and keeps the api's file name.
    await page.getByTestId('exports').click();
    await page.getByRole('menuitem', { name: 'Registrations (CSV)' }).click();
    await page.waitForFunction(() => '__lastDownload' in globalThis);
    const saved = await page.evaluate(() => (globalThis as unknown as { __lastDownload: { name: string; size: number } }).__lastDownload);
    expect(saved.name).toMatch(/\.csv$/);
    expect(saved.size).toBeGreaterThan(0);
    const { rows } = await browser.stack.db.pool.query(`SELECT status, status_reason FROM registration WHERE id = $1`, [carol]);
    expect(rows[0]).toEqual({ status: 'rejected', status_reason: 'No seats left for this category' });
    await browser.expectClean(page);
  });
});
