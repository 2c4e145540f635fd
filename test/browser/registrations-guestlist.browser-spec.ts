import type { Page } from 'playwright-core';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { buildProgramme, type ProgrammeFixture } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

describe('Registrations workspace: guest list, invitations and a registration in detail', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let fixture: ProgrammeFixture;
  let page: Page;
  const run = Date.now();
  const HEADER = 'email,name_native,name_latin,country,category,language,delegation';
  const guests = {
    erlan: `gl-erlan-${run}@example.kz,Ерлан Нұров,Yerlan Nurov,KZ,business,ru,Delegation of Kazakhstan ${run}`,
    aziz: `gl-aziz-${run}@example.uz,Азиз Каримов,Aziz Karimov,UZ,official,ru,`,
    // The bad row (line 4 of the file): a country written out instead of its ISO code.
    bad: `gl-wang-${run}@example.cn,王芳,Wang Fang,Китай,guest,zh,`,
    fixed: `gl-wang-${run}@example.cn,王芳,Wang Fang,CN,guest,zh,`,
  };
  const csv = (...rows: string[]) => ({ name: 'guests.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n') + '\n') });

  /** The guest accepts the invitation with the token the mail carries (read from the job as the mail processor does). */
  async function accept(email: string, nameLatin: string, nameNative: string, country: string): Promise<string> {
    const cipher = new FieldCipher(Buffer.from(browser.stack.env.DATA_ENCRYPTION_KEY!, 'base64'));
    const { rows } = await browser.stack.db.pool.query(
      `SELECT o.payload FROM outbox o JOIN invitation i ON i.id = (o.payload->>'invitationId')::uuid WHERE o.name = 'invitation-created' AND i.email = $1`,
      [email],
    );
    const token = cipher.decrypt(Buffer.from(rows[0].payload.encryptedToken, 'base64'), rows[0].payload.invitationId);
    const { newOrganisation: _organisation, delegation: _delegation, position: _position, ...bare } = DELEGATE_DETAILS as Record<string, unknown>;
    const answer = await browser.stack.http.post(`/api/public/events/${fixture.slug}/registrations`, {
      ...bare,
      nameLatin,
      nameNative,
      country,
      email,
      password: 'guest list password',
      invitationToken: token,
    });
    if (answer.status !== 201) throw new Error(`accepting: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Anna Ivanova');
    const token = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, token);
    await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published', registrationMode: 'invitation' }, { token });
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('shows the dry run row by row with the bad row named in Russian, imports the corrected list, and lists the invitations (Russian)', async () => {
    await browser.signIn(page, organiser, 'ru', `/editions/${fixture.eventId}/registrations`);
    await page.getByRole('heading', { name: 'Регистрации' }).waitFor();
    await page.getByRole('link', { name: 'Загрузить список гостей' }).click();
    await page.getByRole('heading', { name: 'Список гостей' }).waitFor();

    await page.getByLabel('Файл списка гостей (CSV или XLSX)').setInputFiles(csv(guests.erlan, guests.aziz, guests.bad));
    const report = page.getByTestId('guest-list-report');
    const badRow = report.locator('tr.guest-row-bad');
    await badRow.waitFor();
    await expect(badRow.getByTestId('guest-row-number').textContent()).resolves.toBe('4');
    const fault = badRow.locator('[data-error-code="invalid_country"]');
    await expect(fault.getAttribute('data-field')).resolves.toBe('country');
    await expect(fault.textContent()).resolves.toBe('Страна: должен быть двухбуквенный код страны ISO, например KZ');
    await expect(badRow.textContent()).resolves.toContain('Не импортируется');
    await report.locator('tr.guest-row-ok').nth(1).waitFor();
    await expect(report.locator('tr.guest-row-ok').first().textContent()).resolves.toContain('Будет приглашён');
    await expect(page.getByTestId('guest-list-dry-run').textContent()).resolves.toContain('Прочитано строк: 3; готовы к приглашению: 2; строк с ошибками: 1');
    // All rows or none: the import waits for a clean list.
    await expect(page.getByTestId('guest-list-import').isDisabled()).resolves.toBe(true);
    await browser.expectAccessible(page, 'guest list dry run (ru)');
    await browser.screenshot(page, 'guest-list-dry-run-ru');
    // A dry run invites nobody.
    await expect(browser.stack.db.pool.query(`SELECT count(*)::int AS n FROM invitation WHERE event_id = $1`, [fixture.eventId])).resolves.toMatchObject({ rows: [{ n: 0 }] });

    // The organiser corrects the row and picks the file again.
    await page.getByLabel('Файл списка гостей (CSV или XLSX)').setInputFiles(csv(guests.erlan, guests.aziz, guests.fixed));
    await page.getByText('Ошибок нет: можно пригласить гостей: 3.').waitFor();
    await report.locator('tr.guest-row-bad').waitFor({ state: 'detached' });
    await report.locator('tr.guest-row-ok').nth(2).waitFor();
    await page.getByTestId('guest-list-import').click();
    const result = page.getByTestId('guest-list-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('Импортировано, приглашений отправлено: 3');

    await result.getByRole('link', { name: 'Перейти к приглашениям' }).click();
    await page.getByRole('heading', { name: 'Приглашения' }).waitFor();
    const invitation = (name: string) => page.locator('tr.ant-table-row', { hasText: name });
    for (const name of ['Yerlan Nurov', 'Aziz Karimov', 'Wang Fang']) await invitation(name).waitFor();
    await expect(invitation('Wang Fang').getByTestId('invitation-state').textContent()).resolves.toBe('Ожидает ответа');
    await browser.expectAccessible(page, 'invitations (ru)');
    const { rows } = await browser.stack.db.pool.query(`SELECT email, guest->>'country' AS country FROM invitation WHERE event_id = $1 ORDER BY email`, [fixture.eventId]);
    expect(rows).toEqual([
      { email: `gl-aziz-${run}@example.uz`, country: 'UZ' },
      { email: `gl-erlan-${run}@example.kz`, country: 'KZ' },
      { email: `gl-wang-${run}@example.cn`, country: 'CN' },
    ]);

    // Guests who accept become registrations (approved: they were invited), in the list and linked from their invitation.
    await accept(`gl-erlan-${run}@example.kz`, 'Yerlan Nurov', 'Ерлан Нұров', 'KZ');
    await accept(`gl-wang-${run}@example.cn`, 'Wang Fang', '王芳', 'CN');
    await page.reload();
    await expect(invitation('Wang Fang').getByTestId('invitation-state').textContent()).resolves.toBe('Принято');
    await page.getByRole('link', { name: 'Все регистрации' }).click();
    const registration = (name: string) => page.locator('tr.ant-table-row', { hasText: name });
    await registration('Yerlan Nurov').waitFor();
    await registration('Wang Fang').waitFor();
    await expect(registration('Wang Fang').getByTestId('registration-status').textContent()).resolves.toBe('Одобрена');
    await browser.expectClean(page);
  });

  it('opens a registration in detail from the list and downloads its badge as a PDF (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', `/editions/${fixture.eventId}/registrations`);
    await page.getByRole('link', { name: '王芳' }).click();
    await page.getByRole('heading', { name: '王芳' }).waitFor();
    const person = page.getByTestId('registration-person');
    await expect(person.textContent()).resolves.toContain('Wang Fang');
    await expect(person.textContent()).resolves.toContain(`gl-wang-${run}@example.cn`);
    await expect(page.getByTestId('registration-status').textContent()).resolves.toBe('已批准');
    await page.getByText('签证协助').first().waitFor();
    await browser.expectAccessible(page, 'registration detail (zh)');
    await browser.screenshot(page, 'registration-detail-zh');

    await page.getByTestId('badge-download').click();
    await page.waitForFunction(() => '__lastDownload' in globalThis);
    const saved = await page.evaluate(() => (globalThis as unknown as { __lastDownload: { name: string; size: number; type: string; head: string } }).__lastDownload);
    expect(saved).toMatchObject({ name: 'badge-Wang-Fang.pdf', type: 'application/pdf', head: '%PDF-' });
    expect(saved.size).toBeGreaterThan(1000);

    // The decision buttons act on the registration shown, and the change persists.
    await page.getByRole('button', { name: '取消报名：王芳' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('客人取消行程');
    await dialog.getByRole('button', { name: '取消报名' }).click();
    await page.getByTestId('registration-status').filter({ hasText: '已取消' }).waitFor();
    await page.reload();
    await page.getByTestId('registration-status').filter({ hasText: '已取消' }).waitFor();
    await expect(page.getByTestId('badge-download').isDisabled()).resolves.toBe(true);
    await browser.expectClean(page);
  });
  it('invites one guest by hand and lists the invitation (English)', async () => {
    const email = `hand-${run}@example.kg`;
    await browser.signIn(page, organiser, 'en', `/editions/${fixture.eventId}/registrations/invitations`);
    await page.getByRole('heading', { name: 'Invitations' }).waitFor();
    await page.getByTestId('invite-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Name in own script').fill('Айбек Токтогулов');
    await dialog.getByLabel('Name in Latin letters').fill('Aibek Toktogulov');
    await dialog.getByLabel('Country').fill('kg');
    await dialog.getByLabel('Delegation').fill(`Delegation of Kyrgyzstan ${run}`);
    await browser.expectAccessible(page, 'invite dialog (en)');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    const created = page.getByTestId('invitation-created');
    await created.waitFor();
    await expect(created.textContent()).resolves.toContain(`Invitation sent to ${email}`);
    const row = page.locator('tr.ant-table-row', { hasText: 'Aibek Toktogulov' });
    await row.waitFor();
    await expect(row.getByTestId('invitation-state').textContent()).resolves.toBe('Waiting for reply');
    await expect(row.textContent()).resolves.toContain(`Delegation of Kyrgyzstan ${run}`);
    const { rows } = await browser.stack.db.pool.query(`SELECT guest->>'country' AS country, guest->>'category' AS category FROM invitation WHERE email = $1`, [email]);
    expect(rows).toEqual([{ country: 'KG', category: 'guest' }]);
    await browser.expectAccessible(page, 'invitations after inviting (en)');
    await browser.expectClean(page);
  });
});
