import type { Locator, Page } from 'playwright-core';
import { at, buildProgramme, type ProgrammeFixture, tri } from '../e2e/support/programme-fixtures.js';
import { ConsoleBrowser, type ConsoleUser } from './support/console-browser.js';

// The grid's scale (apps/console/src/programme/timetable/gridGeometry.ts): 1px a minute, rows from 07:00.
const GRID_FROM = 7 * 60;
/** Waits until `read` gives `expected` (deep-equal), for up to 10 s; then fails showing what it last read. */
async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
  }
  expect(last).toEqual(expected);
}

/** The element's box once it has stopped moving (two reads 100 ms apart agree). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = JSON.stringify(await locator.boundingBox());
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(await locator.boundingBox());
    if (now === last && now !== 'null') return JSON.parse(now);
    last = now;
  }
  throw new Error(`still moving: ${last}`);
}

const yOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes - GRID_FROM;
};

describe('Programme workspace: the timetable', () => {
  let browser: ConsoleBrowser;
  let organiser: ConsoleUser;
  let fixture: ProgrammeFixture;
  let token: string;
  let page: Page;
  const ids: Record<string, string> = {};

  async function createSession(body: Record<string, unknown>): Promise<string> {
    const answer = await browser.stack.http.post(`/api/events/${fixture.eventId}/sessions`, body, { token });
    if (answer.status !== 201) throw new Error(`session: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    browser = await ConsoleBrowser.start();
    organiser = await browser.createUser('organiser', 'Zhang Min');
    token = await browser.stack.http.login(organiser.email, organiser.password);
    fixture = await buildProgramme(browser.stack.http, token);
    // Two scheduled sessions at the same hour in two rooms: moving the second into the first's room is refused.
    ids.opening = await createSession({
      kind: 'plenary', title: tri('Opening plenary'), startsAt: at('2025-07-18', '10:00'), endsAt: at('2025-07-18', '11:00'),
      roomId: fixture.hall, trackId: fixture.track, status: 'scheduled', languagesSpoken: ['zh'],
    });
    ids.logistics = await createSession({
      kind: 'forum', title: tri('Logistics forum'), startsAt: at('2025-07-18', '10:00'), endsAt: at('2025-07-18', '11:00'),
      roomId: fixture.small, trackId: fixture.track, status: 'scheduled', languagesSpoken: ['zh', 'ru'],
    });
    ids.salon = await createSession({
      kind: 'side_event', title: tri('Investment salon'), startsAt: at('2025-07-18', '12:00'), endsAt: at('2025-07-18', '13:30'),
      roomId: fixture.remote, status: 'draft', languagesSpoken: ['en'],
    });
    // No room yet: no column on the grid, so it is listed above it.
    await createSession({ kind: 'meeting', title: tri('Press briefing'), startsAt: at('2025-07-18', '17:00'), endsAt: at('2025-07-18', '17:30'), status: 'draft' });
    for (const [order, personId] of fixture.people.entries()) {
      const added = await browser.stack.http.post(`/api/events/${fixture.eventId}/sessions/${ids.logistics}/roles`, { personId, role: 'speaker', protocolOrder: order + 1 }, { token });
      if (added.status !== 201) throw new Error(`role: ${added.status} ${JSON.stringify(added.body)}`);
    }
  }, 120_000);
  afterAll(() => browser?.close());

  beforeEach(async () => {
    page = await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 1600 });
  });
  afterEach(() => page.close());

  const block = (title: string) => page.getByTestId('session-block').filter({ hasText: title });
  const column = (roomId: string) => page.getByTestId(`room-column-${roomId}`);

  async function openTimetable(language: 'zh' | 'en' | 'ru', heading: string) {
    await browser.signIn(page, organiser, language, `/editions/${fixture.eventId}/programme`);
    await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByTestId('timetable-grid').waitFor();
  }

  it('draws a session on an empty slot, saves it from the drawer, keeps it after a reload, and resizes it (English)', async () => {
    await openTimetable('en', 'Timetable');
    await block('Opening plenary').waitFor();
    await page.getByTestId('unplaced-sessions').getByRole('button', { name: 'Press briefing' }).waitFor();
    await browser.expectAccessible(page, 'timetable (en)');

    const box = (await column(fixture.remote).boundingBox())!;
    const x = box.x + box.width / 2;
    await page.mouse.move(x, box.y + yOf('14:00') + 2);
    await page.mouse.down();
    await page.mouse.move(x, box.y + yOf('15:00'), { steps: 5 });
    await page.mouse.move(x, box.y + yOf('15:30'), { steps: 5 });
    await page.getByTestId('create-ghost').filter({ hasText: '14:00–15:30' }).waitFor();
    await page.mouse.up();

    const drawer = page.getByTestId('session-drawer');
    await drawer.getByText('New session').first().waitFor();
    await expect(drawer.getByLabel('Starts').inputValue()).resolves.toBe('14:00');
    await expect(drawer.getByLabel('Ends').inputValue()).resolves.toBe('15:30');
    await drawer.locator('input[lang="zh"]').first().fill('青年企业家对话');
    await drawer.locator('input[lang="en"]').first().fill('Young entrepreneurs dialogue');
    await drawer.locator('input[lang="ru"]').first().fill('Диалог молодых предпринимателей');
    await browser.expectAccessible(page, 'session drawer (en)');
    await page.getByTestId('session-save').click();
    // Saved: the drawer now edits the new session (its people can be added), and the grid shows its block.
    await drawer.getByText('Young entrepreneurs dialogue').first().waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    const created = block('Young entrepreneurs dialogue');
    await created.waitFor();
    await expect(created.getAttribute('data-room-id')).resolves.toBe(fixture.remote);
    await expect(created.getAttribute('data-start')).resolves.toBe('14:00');
    await created.getByTestId('flag-draft').waitFor();

    const listed = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions?q=${encodeURIComponent('Young entrepreneurs')}`, { token });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ roomId: fixture.remote, startsAt: '2025-07-18T06:00:00.000Z', endsAt: '2025-07-18T07:30:00.000Z', status: 'draft' });

    await page.reload();
    await block('Young entrepreneurs dialogue').waitFor();

    // Its bottom edge dragged from 15:30 to 16:00: a longer session, same start.
    const edge = (await created.getByTestId('resize-handle').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    await until(() => created.getAttribute('data-end'), '16:00');
    const stored = async () => {
      const answer = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions/${listed.body.items[0].id}`, { token });
      return [answer.body.startsAt, answer.body.endsAt];
    };
    await until(stored, ['2025-07-18T06:00:00.000Z', '2025-07-18T08:00:00.000Z']);
    // Still 16:00 once the api's answer replaced what the drop showed.
    await until(() => created.getAttribute('data-end'), '16:00');
    await browser.expectClean(page);
  });

  it('refuses a move onto an occupied room in Russian, naming the colliding session, and puts the block back', async () => {
    await openTimetable('ru', 'Расписание');
    const moving = block('Logistics forum (рус.)');
    await moving.waitFor();
    await browser.screenshot(page, 'programme-timetable-ru');

    const from = (await moving.boundingBox())!;
    const hall = (await column(fixture.hall).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(hall.x + hall.width / 2, from.y + 12, { steps: 8 });
    await page.mouse.move(hall.x + hall.width / 2, from.y + 10, { steps: 2 });
    await page.getByTestId('drag-ghost').waitFor();
    await page.mouse.up();

    const refusal = page.getByTestId('timetable-refusal');
    await refusal.getByText('Зал занят: Opening plenary (рус.) 10:00–11:00').waitFor();
    await expect(refusal.locator('[data-error-code="ROOM_CONFLICT"]').count()).resolves.toBe(1);
    // Back in its own room at its own time, on screen and in the api.
    await until(() => moving.getAttribute('data-room-id'), fixture.small);
    await expect(moving.getAttribute('data-start')).resolves.toBe('10:00');
    await browser.screenshot(page, 'programme-timetable-refusal-ru');
    await browser.expectAccessible(page, 'timetable refusal (ru)');
    const stored = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions/${ids.logistics}`, { token });
    expect(stored.body).toMatchObject({ roomId: fixture.small, startsAt: '2025-07-18T02:00:00.000Z' });
    await browser.expectClean(page);
  });

  it('reorders the speakers by drag and keeps the order after a reload (Chinese)', async () => {
    await openTimetable('zh', '日程表');
    await block('Logistics forum（中）').waitFor();
    await browser.screenshot(page, 'programme-timetable-zh');
    // The list view: the same day in time order, each title a button opening the drawer.
    await page.getByText('列表', { exact: true }).click();
    const list = page.getByTestId('timetable-list');
    await list.getByRole('button', { name: 'Logistics forum（中）' }).waitFor();
    for (const title of ['Opening plenary（中）', 'Investment salon（中）']) await list.getByRole('button', { name: title }).waitFor();
    const times = await list.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(times).toEqual([...times].sort());
    await browser.expectAccessible(page, 'timetable list (zh)');
    await page.getByText('网格', { exact: true }).click();
    await block('Logistics forum（中）').click();
    const names = page.getByTestId('role-name');
    await until(() => names.allTextContents(), ['李刚', '王卫中', 'Алия Нурланова']);

    // The third speaker's handle dragged above the first, once the drawer has slid in (boxes read mid-slide miss).
    const handle = page.getByTestId('role-handle').nth(2);
    const grip = await settledBox(handle);
    const first = (await page.getByTestId('role-item').first().boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2, grip.y - 10, { steps: 5 });
    await page.mouse.move(grip.x + grip.width / 2, first.y + 2, { steps: 10 });
    await page.mouse.up();
    await until(() => names.allTextContents(), ['Алия Нурланова', '李刚', '王卫中']);

    const order = async () => {
      const answer = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions/${ids.logistics}`, { token });
      return (answer.body.roles as { personId: string }[]).map((role) => role.personId);
    };
    await until(order, [fixture.people[2], fixture.people[0], fixture.people[1]]);
    await browser.expectAccessible(page, 'roles editor (zh)');

    await page.reload();
    await block('Logistics forum（中）').click();
    await until(() => names.allTextContents(), ['Алия Нурланова', '李刚', '王卫中']);
    await browser.expectClean(page);
  });
  it('refuses a move that puts a speaker in two sessions at once, in Chinese, naming the other session', async () => {
    // 王卫中 speaks at the Logistics forum (10:00–11:00); a dialogue of his in the free Forum room moved to 10:00 collides.
    ids.trade = await createSession({
      kind: 'dialogue_salon', title: tri('Trade dialogue'), startsAt: at('2025-07-18', '16:30'), endsAt: at('2025-07-18', '17:30'),
      roomId: fixture.remote, status: 'scheduled', languagesSpoken: ['zh'],
    });
    const role = await browser.stack.http.post(`/api/events/${fixture.eventId}/sessions/${ids.trade}/roles`, { personId: fixture.people[1], role: 'speaker', protocolOrder: 1 }, { token });
    expect(role.status).toBe(201);

    await openTimetable('zh', '日程表');
    const moving = block('Trade dialogue（中）');
    const from = await settledBox(moving);
    await page.mouse.move(from.x + from.width / 2, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + 10 - 200, { steps: 8 });
    await page.mouse.move(from.x + from.width / 2, from.y + 10 - yOf('16:30') + yOf('10:00'), { steps: 8 });
    await page.getByTestId('drag-ghost').filter({ hasText: '10:00–11:00' }).waitFor();
    await page.mouse.up();

    const refusal = page.getByTestId('timetable-refusal');
    await refusal.getByText('有参与人时间冲突：Logistics forum（中） 10:00–11:00').waitFor();
    await expect(refusal.locator('[data-error-code="PERSON_CONFLICT"]').count()).resolves.toBe(1);
    // Back at its own time in its own room, on screen and in the api.
    await until(() => moving.getAttribute('data-start'), '16:30');
    await expect(moving.getAttribute('data-room-id')).resolves.toBe(fixture.remote);
    await browser.screenshot(page, 'programme-timetable-person-conflict-zh');
    await browser.expectAccessible(page, 'timetable person conflict (zh)');
    const stored = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions/${ids.trade}`, { token });
    expect(stored.body).toMatchObject({ roomId: fixture.remote, startsAt: '2025-07-18T08:30:00.000Z' });
    await browser.expectClean(page);
  });

  it('adds a person to a session in the drawer and removes them again, both kept after a reload (Russian)', async () => {
    // The Investment salon (12:00–13:30): 王卫中 is free then (he speaks at the forum, 10:00–11:00).
    const roles = async () => {
      const answer = await browser.stack.http.get(`/api/events/${fixture.eventId}/sessions/${ids.salon}`, { token });
      return (answer.body.roles as { personId: string; role: string }[]).map((entry) => [entry.personId, entry.role]);
    };
    await expect(roles()).resolves.toEqual([]);
    await openTimetable('ru', 'Расписание');
    await block('Investment salon (рус.)').click();
    const drawer = page.getByTestId('session-drawer');
    const names = drawer.getByTestId('role-name');
    await drawer.getByText('Пока никого').waitFor();

    await drawer.getByRole('combobox', { name: 'Человек' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Ван Вэйчжун' }).click();
    await drawer.getByRole('combobox', { name: 'Роль' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Модератор' }).click();
    await drawer.getByRole('button', { name: 'Добавить' }).click();
    await until(() => names.allTextContents(), ['Ван Вэйчжун']);
    await drawer.getByTestId('role-item').getByText('Модератор').waitFor();
    await until(roles, [[fixture.people[1], 'moderator']]);
    await browser.expectAccessible(page, 'roles editor with a person (ru)');

    await page.reload();
    await block('Investment salon (рус.)').click();
    await until(() => names.allTextContents(), ['Ван Вэйчжун']);
    await drawer.getByRole('button', { name: 'Убрать Ван Вэйчжун' }).click();
    await drawer.getByText('Пока никого').waitFor();
    await until(roles, []);
    await page.reload();
    await block('Investment salon (рус.)').click();
    await drawer.getByText('Пока никого').waitFor();
    await expect(names.count()).resolves.toBe(0);
    await browser.expectClean(page);
  });
});
