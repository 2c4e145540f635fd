import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { buildProgramme, type ProgrammeFixture } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

describe('Messages workspace: notifications, the audit log and what each role sees', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let fixture: ProgrammeFixture;
  let page: Page;
  let registrationId: string;
  let failedId: string;

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Li Wei');
    const token = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, token);
    await browser.stack.http.patch(`/api/events/${fixture.eventId}`, { status: 'published', registrationMode: 'approval' }, { token });
    const signUp = await browser.stack.http.post(`/api/public/events/${fixture.slug}/registrations`, {
      ...DELEGATE_DETAILS,
      newOrganisation: { name: 'Astana Logistics JSC', type: 'enterprise' },
      email: `audit-${Date.now()}@example.kz`,
      password: 'delegate password 12',
    });
    registrationId = signUp.body.id as string;
    const approved = await browser.stack.http.post(`/api/events/${fixture.eventId}/registrations/${registrationId}/approve`, undefined, { token });
    expect(approved.status).toBe(200);
    // A message as the delivery job leaves it once it has used up its attempts (no SMTP server refuses here).
    const { rows } = await browser.stack.db.pool.query(
      `INSERT INTO notification (kind, trigger_key, recipient_email, language, status, attempts, last_error)
       VALUES ('registration.approved', $1, 'unreachable@example.kz', 'ru', 'failed', 5, 'SMTP refused') RETURNING id`,
      [randomUUID()],
    );
    failedId = rows[0].id as string;
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    await browser.context.clearCookies();
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  it('lists failed notifications and sends one again (Chinese)', async () => {
    await browser.signIn(page, organiser, 'zh', '/messages');
    await page.getByRole('heading', { name: '通知' }).waitFor();
    await page.getByTestId('notification-status').click();
    await page.locator('.ant-select-item-option', { hasText: '失败' }).click();
    // axe reads the page once the closing dropdown has left it, not the listbox mid-animation.
    await page.locator('.ant-select-item-option').first().waitFor({ state: 'hidden' });
    const row = page.locator('tr.ant-table-row', { hasText: 'SMTP refused' });
    await row.waitFor();
    await page.locator('tr.ant-table-row').nth(1).waitFor({ state: 'detached' });
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(1);
    await browser.expectAccessible(page, 'notifications (zh)');
    await row.getByTestId('retry').click();
    await page.getByText('没有消息').waitFor();
    const { rows } = await browser.stack.db.pool.query(`SELECT status FROM notification WHERE id = $1`, [failedId]);
    expect(rows[0].status).toBe('queued');
    const audit = await browser.stack.db.pool.query(`SELECT action FROM audit_log WHERE entity = 'notification' AND entity_id = $1`, [failedId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['notification.retried']);
    await browser.expectClean(page);
  });

  it('shows an organiser no admin-only entry, and the forbidden page on the audit log’s address (Russian)', async () => {
    await browser.signIn(page, organiser, 'ru', '/messages/audit');
    await page.getByTestId('forbidden').waitFor();
    await expect(page.getByTestId('forbidden').textContent()).resolves.toBe('Ваша роль не позволяет открыть эту страницу.');
    await expect(page.getByTestId('messages-sections').locator('.ant-menu-item').allTextContents()).resolves.toEqual(['Уведомления']);
    await expect(page.getByTestId('queue-board').count()).resolves.toBe(0);
    await browser.expectAccessible(page, 'forbidden (ru)');
    await browser.expectClean(page);
  });

  it('shows the audit entry of a decision with its before and after (English, admin)', async () => {
    await browser.signIn(page, browser.admin(), 'en', '/messages/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await expect(page.getByTestId('queue-board').getAttribute('href')).resolves.toBe('/admin/queues');
    await page.getByTestId('audit-entity-id').locator('input').fill(registrationId);
    await page.getByTestId('audit-entity-id').locator('input').press('Enter');
    const entry = page.locator('tr.ant-table-row', { hasText: 'registration.approved' });
    await entry.waitFor();
    // The unfiltered log (which also holds this entry) may still be on screen: wait for the filtered answer.
    await page.locator('tr.ant-table-row').nth(2).waitFor({ state: 'detached' });
    await expect(page.locator('tr.ant-table-row').count()).resolves.toBe(2);
    const status = entry.locator('tr[data-field="status"]');
    await expect(status.getByTestId('before').textContent()).resolves.toBe('pending');
    await expect(status.getByTestId('after').textContent()).resolves.toBe('approved');
    // Only what changed is listed: the category stayed as it was.
    await expect(entry.locator('tr[data-field="category"]').count()).resolves.toBe(0);
    await browser.expectAccessible(page, 'audit (en)');
    await browser.expectClean(page);
  });
});
