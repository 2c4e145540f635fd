import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { pdfPages, withoutSpaces } from '#testing/pdf-text.js';
import { TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture } from './support/programme-fixtures.js';

const LETTER = {
  body: {
    zh: '兹邀请下列人员来华出席中国—上海合作组织博览会。\n\n会议期间的费用由邀请人自理。',
    en: 'We invite the person named below to come to China to attend the China–SCO Expo.\n\nThe guest bears their own costs during the stay.',
    ru: 'Приглашаем указанное ниже лицо посетить Китай для участия в выставке Китай — ШОС.\n\nРасходы на время пребывания гость несёт сам.',
  },
  purpose: { zh: '出席会议', en: 'To attend the conference', ru: 'Участие в конференции' },
  organiserName: { zh: '青岛市商务局', en: 'Qingdao Municipal Bureau of Commerce', ru: 'Бюро коммерции города Циндао' },
  organiserAddress: { zh: '青岛市市南区香港中路7号', en: '7 Xianggang Middle Road, Qingdao', ru: 'Циндао, ул. Сянган Чжунлу, 7' },
  organiserContact: '+86 532 0000 0000 · visa@example.cn',
  signatoryName: { zh: '王明', en: 'Wang Ming', ru: 'Ван Мин' },
  signatoryTitle: { zh: '局长', en: 'Director General', ru: 'Генеральный директор' },
  signatoryOrganisation: { zh: '青岛市商务局', en: 'Qingdao Municipal Bureau of Commerce', ru: 'Бюро коммерции города Циндао' },
};

describe('Visa invitation letters', () => {
  let stack: TestStack;
  let admin: string;
  let organiser: string;
  let staff: string;
  let p: ProgrammeFixture;
  let seq = 0;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    for (const role of ['organiser', 'staff']) {
      await stack.http.post('/api/users', { email: `${role}@example.org`, displayName: role, role, password: `${role} password 12` }, { token: admin });
    }
    organiser = await stack.http.login('organiser@example.org', 'organiser password 12');
    staff = await stack.http.login('staff@example.org', 'staff password 12');
    p = await buildProgramme(stack.http, organiser);
    await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'approval' }, { token: organiser });
  });
  afterAll(() => stack.close());

  async function signUp(overrides: Record<string, unknown> = {}) {
    seq += 1;
    const email = `visa-${seq}-${Date.now()}@example.kz`;
    const password = 'delegate password 12';
    const result = await stack.http.post(`/api/public/events/${p.slug}/registrations`, { ...DELEGATE_DETAILS, email, password, ...overrides });
    expect(result.status).toBe(201);
    return { token: await stack.http.login(email, password), id: result.body.id as string };
  }
  const approve = (id: string) => stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });
  const putText = (path: string, body: unknown, options: { token: string }) => stack.http.request('PUT', path, body, options);
  const letterPath = (id: string, lang?: string) => `/api/me/registrations/${id}/visa-letter.pdf${lang ? `?lang=${lang}` : ''}`;

  it('lets organisers set the text in three languages, audited, and refuses an incomplete one and other roles', async () => {
    const before = await stack.http.get(`/api/events/${p.eventId}/visa-letter`, { token: organiser });
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('VISA_LETTER_TEXT_MISSING');
    const incomplete = await putText(`/api/events/${p.eventId}/visa-letter`, { ...LETTER, purpose: { zh: '出席会议', en: 'To attend' } }, { token: organiser });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details).toEqual([expect.objectContaining({ field: 'purpose' })]);
    const extra = await putText(`/api/events/${p.eventId}/visa-letter`, { ...LETTER, stamp: 'x' }, { token: organiser });
    expect(extra.status).toBe(400);
    expect((await putText(`/api/events/${p.eventId}/visa-letter`, LETTER, { token: staff })).status).toBe(403);
    const saved = await putText(`/api/events/${p.eventId}/visa-letter`, LETTER, { token: organiser });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...LETTER, eventId: p.eventId });
    expect((await stack.http.get(`/api/events/${p.eventId}/visa-letter`, { token: admin })).body).toEqual(saved.body);
    const audit = await stack.http.get(`/api/audit?entity=event&entityId=${p.eventId}&action=visa-letter-text.updated`, { token: admin });
    expect(audit.body.items).toHaveLength(1);
    const unknownEvent = await stack.http.get(`/api/events/00000000-0000-4000-8000-000000000000/visa-letter`, { token: organiser });
    expect(unknownEvent.body.code).toBe('NOT_FOUND');
    const preview = await stack.http.bytes(`/api/events/${p.eventId}/visa-letter/preview.pdf?lang=ru`, { token: organiser });
    expect(preview.status).toBe(200);
    const pages = pdfPages(preview.body).map(withoutSpaces);
    expect(pages[0]).toContain(withoutSpaces('样本 — 不作签证用途'));
    expect(pages[1]).toContain(withoutSpaces('ОБРАЗЕЦ'));
  });

  it('refuses a letter, with a code, to a pending delegate and to one without visa data; the list says why', async () => {
    const pending = await signUp();
    const refused = await stack.http.get(letterPath(pending.id), { token: pending.token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VISA_LETTER_NOT_APPROVED', details: { status: 'pending' } });
    expect(refused.headers.get('cache-control')).toBe('no-store');

    const noVisa = await signUp({ visa: undefined });
    await approve(noVisa.id);
    const missing = await stack.http.get(letterPath(noVisa.id), { token: noVisa.token });
    expect(missing.status).toBe(409);
    expect(missing.body.code).toBe('VISA_DATA_MISSING');

    const mine = await stack.http.get('/api/me/visa-letters', { token: pending.token });
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.body).toMatchObject({ total: 1, page: 1 });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ registrationId: pending.id, eventId: p.eventId, status: 'pending', available: false, refusal: 'VISA_LETTER_NOT_APPROVED', reference: null, defaultLanguage: 'ru' }),
    ]);
    expect((await stack.http.get('/api/me/visa-letters', { token: noVisa.token })).body.items[0]).toMatchObject({ available: false, refusal: 'VISA_DATA_MISSING' });
  });

  it('refuses a letter while the edition has no text', async () => {
    const other = await buildProgramme(stack.http, organiser);
    await stack.http.patch(`/api/events/${other.eventId}`, { status: 'published', registrationMode: 'open' }, { token: organiser });
    const email = `visa-open-${Date.now()}@example.kz`;
    const created = await stack.http.post(`/api/public/events/${other.slug}/registrations`, { ...DELEGATE_DETAILS, email, password: 'delegate password 12' });
    expect(created.body.status).toBe('approved');
    const token = await stack.http.login(email, 'delegate password 12');
    const refused = await stack.http.get(letterPath(created.body.id), { token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('VISA_LETTER_TEXT_MISSING');
    expect((await stack.http.get('/api/me/visa-letters', { token })).body.items[0]).toMatchObject({ available: false, refusal: 'VISA_LETTER_TEXT_MISSING' });
  });

  it('gives an approved delegate their letter in Chinese and Russian (or English), no-store, with a stable reference; only to them', async () => {
    const delegate = await signUp();
    await approve(delegate.id);
    const response = await stack.http.bytes(letterPath(delegate.id), { token: delegate.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pages = pdfPages(response.body);
    expect(pages).toHaveLength(2);
    const [zh, ru] = pages.map(withoutSpaces);
    const reference = /VL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(pages[0])![0];
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="visa-letter-${reference}.pdf"`);
    for (const page of [zh, ru]) {
      expect(page).toContain('AigerimSaparova');
      expect(page).toContain('N12345678');
      expect(page).toContain(reference);
      expect(page).toContain(withoutSpaces(`/api/public/visa-letters/${reference}`));
    }
    expect(zh).toContain('邀请函');
    expect(zh).toContain(withoutSpaces(LETTER.body.zh.split('\n')[0]));
    expect(zh).toContain('哈萨克斯坦');
    expect(zh).toContain('2025年7月17日');
    expect(zh).toContain('王明');
    // The registration's language is Russian: the second page is Russian without asking.
    expect(ru).toContain('Письмо-приглашение');
    expect(ru).toContain(withoutSpaces('Приглашаем указанное ниже лицо'));
    expect(ru).toContain('Казахстан(KZ)');
    expect(ru).toContain(withoutSpaces('17 июля 2025 г.'));
    expect(ru).toContain(withoutSpaces('Генеральный директор'));
    expect(ru).toContain(withoutSpaces('Бюро коммерции города Циндао'));

    const english = await stack.http.bytes(letterPath(delegate.id, 'en'), { token: delegate.token });
    const en = withoutSpaces(pdfPages(english.body)[1]);
    expect(en).toContain(withoutSpaces('Letter of invitation'));
    expect(en).toContain(withoutSpaces('Name (as in passport)'));
    expect(en).toContain(withoutSpaces('17 July 2025 – 19 July 2025'));
    expect(en).toContain(reference); // the same letter: the reference is the registration's, not the download's
    expect((await stack.http.get(letterPath(delegate.id, 'zh'), { token: delegate.token })).status).toBe(400);

    // Another delegate, and staff, cannot have it: a 404 as for a registration that does not exist.
    const other = await signUp();
    const stolen = await stack.http.get(letterPath(delegate.id), { token: other.token });
    expect(stolen.status).toBe(404);
    expect(stolen.text).not.toContain('N12345678');
    expect((await stack.http.get(letterPath(delegate.id), { token: staff })).status).toBe(404);
    expect((await stack.http.get(letterPath(delegate.id))).status).toBe(401);
    expect((await stack.http.get(`/api/events/${p.eventId}/visa-letters`, { token: delegate.token })).status).toBe(403);
    expect((await stack.http.get('/api/me/visa-letters', { token: delegate.token })).body.items[0]).toMatchObject({ available: true, refusal: null, reference });

    // The passport data stays encrypted at rest and out of the logs.
    const { rows } = await stack.db.pool.query(`SELECT visa_passport_number FROM registration WHERE id = $1`, [delegate.id]);
    expect(rows[0].visa_passport_number.toString('latin1')).not.toContain('N12345678');
    const letterRows = await stack.db.pool.query(`SELECT * FROM visa_letter WHERE registration_id = $1`, [delegate.id]);
    expect(JSON.stringify(letterRows.rows)).not.toMatch(/N12345678|Saparova/);
    expect(stack.logLines.join('\n')).not.toMatch(/N12345678|1985-04-12|Saparova|Сапарова/);
  });

  it('answers publicly whether a reference is genuine, without anything personal, and 404 for an unknown one without echoing it', async () => {
    const delegate = await signUp();
    await approve(delegate.id);
    const pdf = await stack.http.bytes(letterPath(delegate.id), { token: delegate.token });
    const reference = /VL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(pdfPages(pdf.body)[0])![0];
    const check = await stack.http.get(`/api/public/visa-letters/${reference}`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      genuine: true,
      reference,
      edition: expect.objectContaining({ en: 'Test conference' }),
      firstDay: '2025-07-18',
      lastDay: '2025-07-19',
      issuedAt: expect.any(String),
      valid: true,
    });
    expect(check.text).not.toMatch(/N12345678|Saparova|Сапарова|KZ|1985|registration|user/i);
    for (const probe of ['VL-ZZZZ-ZZZZ-ZZZZ', 'N12345678', 'Aigerim%20Saparova']) {
      const unknown = await stack.http.get(`/api/public/visa-letters/${probe}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('VISA_LETTER_UNKNOWN');
      expect(unknown.text).not.toContain(decodeURIComponent(probe));
    }
    // Withdrawn: the delegate cancels; the reference is still genuine, no longer valid.
    await stack.http.post(`/api/me/registrations/${delegate.id}/cancel`, undefined, { token: delegate.token });
    expect((await stack.http.get(`/api/public/visa-letters/${reference}`)).body).toMatchObject({ genuine: true, valid: false });
  });

  it('shows organisers who downloaded their letter, how often and when, paginated', async () => {
    const a = await signUp({ nameLatin: 'Daulet Abenov', nameNative: 'Даулет Абенов' });
    const b = await signUp({ nameLatin: 'Marat Bekov', nameNative: 'Марат Беков' });
    await approve(a.id);
    await approve(b.id);
    for (let i = 0; i < 3; i++) await stack.http.bytes(letterPath(a.id), { token: a.token });
    await stack.http.bytes(letterPath(b.id, 'en'), { token: b.token });
    const log = await stack.http.get(`/api/events/${p.eventId}/visa-letters?pageSize=100`, { token: organiser });
    expect(log.status).toBe(200);
    const rowA = log.body.items.find((i: { registrationId: string }) => i.registrationId === a.id);
    const rowB = log.body.items.find((i: { registrationId: string }) => i.registrationId === b.id);
    expect(rowA).toMatchObject({ nameLatin: 'Daulet Abenov', nameNative: 'Даулет Абенов', country: 'KZ', downloads: 3, languages: ['ru'] });
    expect(rowB).toMatchObject({ nameLatin: 'Marat Bekov', downloads: 1, languages: ['en'] });
    expect(log.body.items[0].registrationId).toBe(b.id); // newest download first
    expect(new Date(rowA.lastDownloadedAt).getTime()).toBeGreaterThanOrEqual(new Date(rowA.issuedAt).getTime());
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM visa_letter_download WHERE registration_id = $1`, [a.id]);
    expect(rows[0].n).toBe(3);
    const pageOne = await stack.http.get(`/api/events/${p.eventId}/visa-letters?pageSize=1`, { token: organiser });
    expect(pageOne.body).toMatchObject({ page: 1, pageSize: 1, total: log.body.total });
    expect(pageOne.body.items).toHaveLength(1);
    const beyond = await stack.http.get(`/api/events/${p.eventId}/visa-letters?page=50&pageSize=1`, { token: organiser });
    expect(beyond.body).toMatchObject({ items: [], total: log.body.total });
    expect((await stack.http.get(`/api/events/${p.eventId}/visa-letters`, { token: staff })).status).toBe(403);
  });
});
