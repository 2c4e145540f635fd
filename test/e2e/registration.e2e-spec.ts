import ExcelJS from 'exceljs';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { DELEGATE_DETAILS } from '#testing/delegate-details.js';
import { TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture, sessionBody } from './support/programme-fixtures.js';

const details = (overrides: Record<string, unknown> = {}) => ({
  ...DELEGATE_DETAILS,
  newOrganisation: { name: 'Astana Logistics JSC', type: 'enterprise' },
  delegation: { name: 'Delegation of Kazakhstan', head: true },
  ...overrides,
});

describe('Registration', () => {
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

  /** Signs a new delegate up and logs them in. */
  async function signUp(overrides: Record<string, unknown> = {}) {
    seq += 1;
    const email = `delegate-${seq}-${Date.now()}@example.kz`;
    const password = 'delegate password 12';
    const result = await stack.http.post(`/api/public/events/${p.slug}/registrations`, { ...details(), email, password, ...overrides });
    if (result.status !== 201) return { result, email, token: '', id: '' };
    return { result, email, token: await stack.http.login(email, password), id: result.body.id as string };
  }

  it('signs a delegate up (account and registration in one step), pending approval', async () => {
    const { result, token } = await signUp();
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'pending', nameNative: 'Айгерим Сапарова', preferredLanguage: 'ru', consentVersion: '1', badgeAvailable: false });
    expect(result.body.visa).toEqual({ nationality: 'KZ', passportNumber: 'N12345678', dateOfBirth: '1985-04-12' });
    const me = await stack.http.get('/api/auth/me', { token });
    expect(me.body).toMatchObject({ role: 'delegate', preferredLanguage: 'ru' });
    const { rows } = await stack.db.pool.query(`SELECT payload FROM outbox WHERE name = 'registration-changed' AND payload->>'registrationId' = $1`, [result.body.id]);
    expect(rows[0].payload.change).toBe('received');
  });

  it('keeps visa data encrypted at rest, clear to the delegate and organisers, masked to staff, out of logs and audit', async () => {
    const { id, token } = await signUp();
    const { rows } = await stack.db.pool.query(`SELECT visa_passport_number, visa_date_of_birth FROM registration WHERE id = $1`, [id]);
    expect(rows[0].visa_passport_number.toString('latin1')).not.toContain('N12345678');
    expect((await stack.http.get(`/api/me/registrations/${id}`, { token })).body.visa.passportNumber).toBe('N12345678');
    expect((await stack.http.get(`/api/events/${p.eventId}/registrations/${id}`, { token: organiser })).body.visa.passportNumber).toBe('N12345678');
    const masked = (await stack.http.get(`/api/events/${p.eventId}/registrations/${id}`, { token: staff })).body.visa;
    // Staff learn that visa data exists, nothing of it: it is not even decrypted for them.
    expect(masked).toEqual({ nationality: '••••••', passportNumber: '••••••', dateOfBirth: '••••••' });
    const audit = await stack.db.pool.query(`SELECT before, after FROM audit_log WHERE entity = 'registration' AND entity_id = $1`, [id]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/N12345678|Айгерим|Saparova|\+7 701/);
    expect(stack.logLines.join('\n')).not.toMatch(/N12345678|1985-04-12/);
  });

  it('requires consent to the current notice', async () => {
    const without = await signUp({ consent: { accepted: false, noticeVersion: '1' } });
    expect(without.result.status).toBe(400);
    expect(without.result.body.details).toEqual([expect.objectContaining({ field: 'consent.accepted' })]);
    const old = await signUp({ consent: { accepted: true, noticeVersion: '0' } });
    expect(old.result.status).toBe(422);
    expect(old.result.body.code).toBe('CONSENT_NOTICE_OUTDATED');
  });

  it('approves, rejects with a reason, cancels, refuses impossible transitions, and decides in bulk', async () => {
    const a = await signUp();
    const b = await signUp();
    const c = await signUp();
    const approve = await stack.http.post(`/api/events/${p.eventId}/registrations/${a.id}/approve`, undefined, { token: organiser });
    expect(approve.status).toBe(200);
    expect(approve.body).toMatchObject({ status: 'approved', badgeAvailable: true });
    // An organiser's decision answers with the registration exactly as their detail shows it (email, delegation).
    expect(approve.body).toEqual((await stack.http.get(`/api/events/${p.eventId}/registrations/${a.id}`, { token: organiser })).body);
    expect(approve.body.email).toEqual(expect.stringContaining('@'));
    const noReason = await stack.http.post(`/api/events/${p.eventId}/registrations/${b.id}/reject`, {}, { token: organiser });
    expect(noReason.status).toBe(400);
    const reject = await stack.http.post(`/api/events/${p.eventId}/registrations/${b.id}/reject`, { reason: 'Duplicate of another registration' }, { token: organiser });
    expect(reject.body).toMatchObject({ status: 'rejected', statusReason: 'Duplicate of another registration' });
    const again = await stack.http.post(`/api/events/${p.eventId}/registrations/${b.id}/approve`, undefined, { token: organiser });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', message: 'A rejected registration cannot be approved', details: { status: 'rejected' } });
    const twice = await stack.http.post(`/api/events/${p.eventId}/registrations/${a.id}/approve`, undefined, { token: organiser });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'INVALID_TRANSITION', message: 'An approved registration cannot be approved', details: { status: 'approved' } });
    const bulk = await stack.http.post(`/api/events/${p.eventId}/registrations/bulk`, { action: 'approve', registrationIds: [a.id, c.id] }, { token: organiser });
    expect(bulk.body).toEqual({ changed: [c.id], skipped: [{ registrationId: a.id, reason: 'INVALID_TRANSITION' }] });
    const cancel = await stack.http.post(`/api/me/registrations/${c.id}/cancel`, undefined, { token: c.token });
    expect(cancel.body.status).toBe('cancelled');
    expect((await stack.http.post(`/api/events/${p.eventId}/registrations/${a.id}/approve`, undefined, { token: staff })).status).toBe(403);
    const audit = await stack.http.get(`/api/audit?entity=registration&entityId=${b.id}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['registration.rejected', 'registration.created']);
    const changes = await stack.db.pool.query(
      `SELECT payload->>'change' AS change FROM outbox WHERE name = 'registration-changed' AND payload->>'registrationId' = $1 ORDER BY id`,
      [c.id],
    );
    expect(changes.rows.map((r) => r.change)).toEqual(['received', 'approved', 'cancelled']);
  });

  it('approves at once in an open event, and admits only invited guests in an event by invitation', async () => {
    await stack.http.patch(`/api/events/${p.eventId}`, { registrationMode: 'open' }, { token: organiser });
    expect((await signUp()).result.body.status).toBe('approved');
    await stack.http.patch(`/api/events/${p.eventId}`, { registrationMode: 'invitation' }, { token: organiser });
    const uninvited = await signUp();
    expect(uninvited.result.status).toBe(403);
    expect(uninvited.result.body.code).toBe('REGISTRATION_BY_INVITATION');

    const invitation = await stack.http.post(
      `/api/events/${p.eventId}/invitations`,
      { email: 'invited.guest@example.uz', nameNative: 'Azizbek Karimov', nameLatin: 'Azizbek Karimov', country: 'UZ', category: 'official' },
      { token: organiser },
    );
    expect(invitation.status).toBe(201);
    const token = invitation.body.token as string;
    const { rows } = await stack.db.pool.query(`SELECT token_hash FROM invitation WHERE id = $1`, [invitation.body.id]);
    expect(rows[0].token_hash).not.toBe(token);
    // The link mails used to carry (a GET of this POST-only route) is not served, and its 404 does not repeat the token.
    const oldLink = await stack.http.get(`/api/public/events/${p.slug}/registrations?invitationToken=${encodeURIComponent(token)}`);
    expect(oldLink.status).toBe(404);
    expect(oldLink.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: `Cannot GET /api/public/events/${p.slug}/registrations` });
    expect(JSON.stringify(oldLink.body)).not.toContain(token);
    const wrongEmail = await signUp({ invitationToken: token });
    expect(wrongEmail.result.body.code).toBe('INVITATION_EMAIL_MISMATCH');
    const accepted = await stack.http.post(`/api/public/events/${p.slug}/registrations`, {
      ...details({ nameNative: 'Azizbek Karimov', nameLatin: 'Azizbek Karimov', country: 'UZ', delegation: undefined }),
      email: 'invited.guest@example.uz',
      password: 'invited password 1',
      invitationToken: token,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.status).toBe('approved');
    const reused = await stack.http.post(`/api/public/events/${p.slug}/registrations`, {
      ...details(),
      email: 'someone.else@example.uz',
      password: 'invited password 1',
      invitationToken: token,
    });
    expect(reused.status).toBe(403);
    expect(reused.body.code).toBe('INVALID_INVITATION');
    await stack.http.patch(`/api/events/${p.eventId}`, { registrationMode: 'approval' }, { token: organiser });
  });

  it('registers an existing account, and lets exactly one of two simultaneous sign-ups use an invitation', async () => {
    const { token } = await signUp();
    const other = await buildProgramme(stack.http, organiser);
    await stack.http.patch(`/api/events/${other.eventId}`, { status: 'published', registrationMode: 'invitation' }, { token: organiser });
    const refused = await stack.http.post('/api/me/registrations', { ...details(), eventId: other.eventId }, { token });
    expect(refused.body.code).toBe('REGISTRATION_BY_INVITATION');
    const invitation = await stack.http.post(
      `/api/events/${other.eventId}/invitations`,
      { email: 'twice@example.kz', nameNative: 'Ерлан Нұров', nameLatin: 'Yerlan Nurov', country: 'KZ', category: 'official' },
      { token: organiser },
    );
    const attempts = await Promise.all(
      ['a', 'b'].map((suffix) =>
        stack.http.post(`/api/public/events/${other.slug}/registrations`, {
          ...details({ delegation: undefined }),
          email: 'twice@example.kz',
          password: `invited password ${suffix}1`,
          invitationToken: invitation.body.token,
        }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409]);
    await stack.http.patch(`/api/events/${other.eventId}`, { registrationMode: 'open' }, { token: organiser });
    const onAccount = await stack.http.post('/api/me/registrations', { ...details({ delegation: undefined }), eventId: other.eventId }, { token });
    expect(onAccount.status).toBe(201);
    expect(onAccount.body).toMatchObject({ eventId: other.eventId, status: 'approved' });
    const twice = await stack.http.post('/api/me/registrations', { ...details(), eventId: other.eventId }, { token });
    expect(twice.body.code).toBe('ALREADY_REGISTERED');
  });

  it('lets a delegate see and change only their own data: every /api/me route answers 404 for another\'s id', async () => {
    const a = await signUp();
    const b = await signUp();
    await stack.http.post(`/api/events/${p.eventId}/registrations/${a.id}/approve`, undefined, { token: organiser });
    const session = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.remote }), { token: organiser })).body.id;
    const enrolment = await stack.http.post(`/api/me/registrations/${a.id}/enrolments`, { sessionId: session }, { token: a.token });
    expect(enrolment.status).toBe(201);

    const attempts = [
      stack.http.get(`/api/me/registrations/${a.id}`, { token: b.token }),
      stack.http.patch(`/api/me/registrations/${a.id}`, { phone: '+7 700 000 00 01' }, { token: b.token }),
      stack.http.post(`/api/me/registrations/${a.id}/cancel`, undefined, { token: b.token }),
      stack.http.request('DELETE', `/api/me/registrations/${a.id}`, undefined, { token: b.token }),
      stack.http.get(`/api/me/registrations/${a.id}/badge.pdf`, { token: b.token }),
      stack.http.post(`/api/me/registrations/${a.id}/enrolments`, { sessionId: session }, { token: b.token }),
      stack.http.request('DELETE', `/api/me/enrolments/${enrolment.body.id}`, undefined, { token: b.token }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result.status).toBe(404);
      expect(result.body.code).toBe('NOT_FOUND');
    }
    const mine = await stack.http.get('/api/me/registrations', { token: b.token });
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([b.id]);
    // A's data is untouched.
    const aNow = await stack.http.get(`/api/me/registrations/${a.id}`, { token: a.token });
    expect(aNow.body).toMatchObject({ status: 'approved', phone: '+7 701 000 00 00' });
    // Staff and delegates cannot use the organisers' routes.
    expect((await stack.http.get(`/api/events/${p.eventId}/registrations`, { token: b.token })).status).toBe(403);
  });

  it('updates a delegate\'s own details, re-encrypting new visa data', async () => {
    const { id, token } = await signUp();
    const updated = await stack.http.patch(`/api/me/registrations/${id}`, { phone: '+7 702 111 22 33', visa: { nationality: 'KZ', passportNumber: 'N99999999', dateOfBirth: '1985-04-12' } }, { token });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ phone: '+7 702 111 22 33', nameNative: 'Айгерим Сапарова', visa: { passportNumber: 'N99999999' } });
    const nulls = await stack.http.patch(`/api/me/registrations/${id}`, { nameNative: null }, { token });
    expect(nulls.status).toBe(400);
  });

  it('erases a delegate\'s personal data on request, keeping counts and the audit trail', async () => {
    const { id, token, email } = await signUp();
    await stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });
    // The badge is scanned at the door (the scan's answer, kept for nonce replays, names the delegate) …
    const list = (await stack.http.post(`/api/events/${p.eventId}/check-in-lists`, { name: { en: 'Door' } }, { token: organiser })).body.id;
    const badge = (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [id])).rows[0].badge_token;
    await stack.http.post('/api/check-ins', { token: badge, listId: list, nonce: `erase-${id}`, scannedAt: '2025-07-18T09:00:00+08:00' }, { token: staff });
    // … and a welcome message was recorded for the account.
    const userId = (await stack.http.get('/api/auth/me', { token })).body.id;
    await stack.db.pool.query(
      `INSERT INTO notification (kind, trigger_key, recipient_user_id, recipient_email, language, status, payload)
       VALUES ('welcome', $1, $2, $3, 'ru', 'queued', '{"displayName": "Айгерим Сапарова"}')`,
      [`user:${userId}`, userId, email],
    );
    const before = (await stack.db.pool.query(`SELECT count(*)::int AS n FROM registration WHERE event_id = $1`, [p.eventId])).rows[0].n;
    const erased = await stack.http.request('DELETE', `/api/me/registrations/${id}`, undefined, { token });
    expect(erased.status).toBe(204);
    const { rows } = await stack.db.pool.query(
      `SELECT r.status, r.name_native, r.name_latin, r.phone, r.visa_passport_number, r.anonymised_at, r.badge_revoked_at, u.email, u.active
         FROM registration r JOIN app_user u ON u.id = r.user_id WHERE r.id = $1`,
      [id],
    );
    expect(rows[0]).toMatchObject({ status: 'cancelled', name_native: null, name_latin: null, phone: null, visa_passport_number: null, active: false });
    expect(rows[0].email).not.toBe(email);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM registration WHERE event_id = $1`, [p.eventId])).rows[0].n).toBe(before);
    const trail = await stack.db.pool.query(`SELECT action, after::text FROM audit_log WHERE entity_id = $1 OR after::text LIKE $2`, [id, `%${email}%`]);
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['registration.created', 'registration.approved', 'registration.erased']));
    expect(JSON.stringify(trail.rows)).not.toContain(email);
    expect((await stack.http.get('/api/auth/me', { token })).status).toBe(401);
    const leftovers = await stack.db.pool.query(
      `SELECT (SELECT json_agg(answer) FROM check_in_scan WHERE nonce = $1) AS scans,
              (SELECT json_agg(json_build_object('email', recipient_email, 'payload', payload)) FROM notification WHERE recipient_user_id = $2) AS mail`,
      [`erase-${id}`, userId],
    );
    const rest = JSON.stringify(leftovers.rows[0]);
    expect(rest).not.toMatch(/Айгерим|Saparova/);
    expect(rest).not.toContain(email);
    expect(leftovers.rows[0].scans).toHaveLength(1);
    // Organisers see an erased delegate without an address.
    expect((await stack.http.get(`/api/events/${p.eventId}/registrations/${id}`, { token: organiser })).body.email).toBeNull();
  });

  it('serves an approved delegate\'s badge as a PDF, and none before approval', async () => {
    const { id, token } = await signUp();
    const early = await stack.http.get(`/api/me/registrations/${id}/badge.pdf`, { token });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NO_BADGE');
    await stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });
    const response = await fetch(`${stack.http.baseUrl}/api/me/registrations/${id}/badge.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    const text = (await (await document.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toContain('Айгерим Сапарова');
    expect(text).toContain('Aigerim Saparova');
    // The QR carries the unguessable token, never the registration id.
    const { rows } = await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [id]);
    expect(rows[0].badge_token).not.toContain(id);
    expect(rows[0].badge_token.length).toBeGreaterThanOrEqual(32);
  });

  it('imports a guest list all or nothing, with a dry run that reports every bad row', async () => {
    const csv = [
      'email,name_native,name_latin,country,category,language',
      'a.bekova@example.kg,Айжан Бекова,Aizhan Bekova,KG,official,ru',
      'broken-email,Иван Петров,Ivan Petrov,RU,official,ru',
      'w.fang@example.cn,王芳,Wang Fang,XX,business,zh',
    ].join('\n');
    const dry = await stack.http.post(`/api/events/${p.eventId}/guest-list?dryRun=true`, undefined, { token: organiser, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, invited: 0 });
    expect(dry.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, field: 'email' }), expect.objectContaining({ row: 4, field: 'country' })]),
    );
    const real = await stack.http.post(`/api/events/${p.eventId}/guest-list`, undefined, { token: organiser, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(real.status).toBe(422);
    expect(real.body).toMatchObject({ code: 'GUEST_LIST_INVALID', message: '2 problems in the guest list; nothing was imported' });
    const oneBad = await stack.http.post(`/api/events/${p.eventId}/guest-list`, undefined, {
      token: organiser,
      raw: csv.split('\n').slice(0, 3).join('\n').replace('a.bekova@example.kg', 'one.bad@example.kg'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(oneBad.body).toMatchObject({ code: 'GUEST_LIST_INVALID', message: '1 problem in the guest list; nothing was imported' });
    const none = await stack.db.pool.query(`SELECT count(*)::int AS n FROM invitation WHERE email = 'a.bekova@example.kg'`);
    expect(none.rows[0].n).toBe(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Guests');
    sheet.addRow(['email', 'name_native', 'name_latin', 'country', 'category', 'language']);
    sheet.addRow(['a.bekova@example.kg', 'Айжан Бекова', 'Aizhan Bekova', 'KG', 'official', 'ru']);
    sheet.addRow(['s.tursunov@example.uz', 'Sardor Tursunov', 'Sardor Tursunov', 'UZ', 'business', 'ru']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const invitationJobs = async () =>
      (await stack.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE name = 'invitation-created'`)).rows[0].n as number;
    const jobsBefore = await invitationJobs();
    const imported = await stack.http.post(`/api/events/${p.eventId}/guest-list`, undefined, {
      token: organiser,
      raw: xlsx,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ dryRun: false, rowsRead: 2, rows: 2, invited: 2, errors: [] });
    const twice = await stack.http.post(`/api/events/${p.eventId}/guest-list`, undefined, {
      token: organiser,
      raw: xlsx,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.details[0].reason).toMatch(/already invited/);
    expect(twice.body.details[0].code).toBe('already_invited');
    // One job per invited guest of this file, none for the repeated import.
    expect(await invitationJobs()).toBe(jobsBefore + 2);
    const wrongType = await stack.http.post(`/api/events/${p.eventId}/guest-list`, { rows: [] }, { token: organiser });
    expect(wrongType.status).toBe(415);
  });

  it('carries the guest list\'s organisation, position and delegation into the registration of a guest who accepts, and counts every row read', async () => {
    const directory = await stack.http.post(
      '/api/organisations',
      { name: { zh: '哈萨克斯坦铁路', en: 'Kazakhstan Temir Zholy', ru: 'Казахстан темир жолы' }, country: 'KZ', type: 'enterprise' },
      { token: organiser },
    );
    expect(directory.status).toBe(201);
    const run = Date.now();
    const header = 'email,name_native,name_latin,country,category,language,organisation,organisation_type,position,delegation';
    const guests = [
      // In the directory already (another case, another language than stored first): that organisation is taken.
      `gl-a-${run}@example.kz,Ерлан Нұров,Yerlan Nurov,KZ,business,ru,  казахстан ТЕМИР жолы ,,Deputy chairman,Delegation of Kazakhstan ${run}`,
      // New: created with the type the category implies (official → government_body), named in the guest's language.
      `gl-b-${run}@example.uz,Азиз Каримов,Aziz Karimov,UZ,official,ru,Министерство инвестиций Узбекистана,,Советник,Delegation of Uzbekistan ${run}`,
      // New, with its type given; this guest will give a position of their own, which wins.
      `gl-c-${run}@example.cn,王芳,Wang Fang,CN,guest,zh,青岛大学,university,副教授,`,
      // Put by the organiser in the Kazakh delegation although from Russia: the list is the confirmation.
      `gl-d-${run}@example.ru,Иван Петров,Ivan Petrov,RU,official,ru,,,,Delegation of Kazakhstan ${run}`,
    ];
    const post = (csv: string, dryRun = false) =>
      stack.http.post(`/api/events/${p.eventId}/guest-list${dryRun ? '?dryRun=true' : ''}`, undefined, { token: organiser, raw: csv, headers: { 'content-type': 'text/csv' } });
    const dry = await post([header, ...guests, '', `broken-${run},Иван,Ivan,RU,official,ru,,,,`].join('\n'), true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rowsRead: 5, rows: 4, invited: 0, errors: [expect.objectContaining({ row: 7, field: 'email', code: 'invalid_email' })] });
    const imported = await post([header, ...guests].join('\n'));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ dryRun: false, rowsRead: 4, rows: 4, invited: 4, errors: [], guests: expect.any(Array) });
    expect(imported.body.guests.map((guest: { row: number }) => guest.row)).toHaveLength(4);

    // The token each guest gets by mail, read from the invitation job as the mail processor reads it.
    const cipher = new FieldCipher(Buffer.from(stack.env.DATA_ENCRYPTION_KEY!, 'base64'));
    const accept = async (email: string, own: Record<string, unknown>) => {
      const { rows } = await stack.db.pool.query(
        `SELECT o.payload FROM outbox o JOIN invitation i ON i.id = (o.payload->>'invitationId')::uuid WHERE o.name = 'invitation-created' AND i.email = $1`,
        [email],
      );
      const token = cipher.decrypt(Buffer.from(rows[0].payload.encryptedToken, 'base64'), rows[0].payload.invitationId);
      const { newOrganisation: _o, delegation: _d, position: _p, ...bare } = details();
      const accepted = await stack.http.post(`/api/public/events/${p.slug}/registrations`, { ...bare, ...own, email, password: 'guest list password', invitationToken: token });
      expect(accepted.status).toBe(201);
      expect(accepted.body.status).toBe('approved');
      const shown = await stack.http.get(`/api/events/${p.eventId}/registrations/${accepted.body.id}`, { token: organiser });
      const [row] = (
        await stack.db.pool.query(
          `SELECT o.name AS organisation, o.type, o.country, d.name AS delegation
             FROM registration r LEFT JOIN organisation o ON o.id = r.organisation_id LEFT JOIN delegation d ON d.id = r.delegation_id WHERE r.id = $1`,
          [accepted.body.id],
        )
      ).rows;
      return { shown: shown.body, ...row };
    };

    const a = await accept(`gl-a-${run}@example.kz`, { nameNative: 'Ерлан Нұров', nameLatin: 'Yerlan Nurov', country: 'KZ' });
    expect(a.shown).toMatchObject({ organisationId: directory.body.id, position: 'Deputy chairman', delegationId: expect.any(String) });
    expect(a.delegation).toBe(`Delegation of Kazakhstan ${run}`);

    const b = await accept(`gl-b-${run}@example.uz`, { nameNative: 'Азиз Каримов', nameLatin: 'Aziz Karimov', country: 'UZ', category: 'official' });
    expect(b).toMatchObject({ organisation: { ru: 'Министерство инвестиций Узбекистана' }, type: 'government_body', country: 'UZ', delegation: `Delegation of Uzbekistan ${run}` });
    expect(b.shown.position).toBe('Советник');

    const c = await accept(`gl-c-${run}@example.cn`, { nameNative: '王芳', nameLatin: 'Wang Fang', country: 'CN', category: 'guest', preferredLanguage: 'zh', position: '教授' });
    expect(c).toMatchObject({ organisation: { zh: '青岛大学' }, type: 'university', country: 'CN', delegation: null });
    expect(c.shown.position).toBe('教授');

    const d = await accept(`gl-d-${run}@example.ru`, { nameNative: 'Иван Петров', nameLatin: 'Ivan Petrov', country: 'RU', category: 'official' });
    expect(d).toMatchObject({ organisation: null, delegation: `Delegation of Kazakhstan ${run}` });
    expect(d.shown.delegationId).toBe(a.shown.delegationId);

    // The organisers' list of invitations: each guest with its state, the accepted ones with their registration.
    const invitations = await stack.http.get(`/api/events/${p.eventId}/invitations?pageSize=100`, { token: organiser });
    expect(invitations.status).toBe(200);
    const listed = (invitations.body.items as { email: string; state: string; registrationId: string | null; nameLatin: string }[]).filter((item) => item.email.includes(`-${run}@`));
    expect(listed).toHaveLength(4);
    const byEmail = new Map(listed.map((item) => [item.email, item]));
    expect(byEmail.get(`gl-a-${run}@example.kz`)).toMatchObject({ state: 'accepted', registrationId: a.shown.id, nameLatin: 'Yerlan Nurov' });
    expect(byEmail.get(`gl-d-${run}@example.ru`)).toMatchObject({ state: 'accepted', registrationId: d.shown.id });
    expect(invitations.body.items[0]).not.toHaveProperty('token');
    const refused = await stack.http.get(`/api/events/${p.eventId}/invitations`, { token: staff });
    // Staff read registrations at the desk, not whom the organisers invited.
    expect(refused.status).toBe(403);

    // The route's OpenAPI description names every column it takes, required or not, with its values.
    const spec = await stack.http.get('/docs/openapi.json');
    const described = spec.body.paths['/api/events/{eventId}/guest-list'].post.description as string;
    for (const column of ['email', 'name_native', 'name_latin', 'country', 'category']) expect(described).toMatch(new RegExp(`\`${column}\`[^\n]*, required: `));
    for (const column of ['organisation', 'organisation_type', 'position', 'language', 'phone', 'delegation']) expect(described).toMatch(new RegExp(`\`${column}\`[^\n]*, optional: `));
    expect(described).toContain('official → government_body');
    expect(spec.body.components.schemas.GuestListReportDto.required).toEqual(expect.arrayContaining(['rowsRead', 'rows', 'invited']));
  });

  it('exports registrations (filtered) and a participant list of those who consented only', async () => {
    const hidden = await signUp({ nameNative: 'Скрытый Участник', nameLatin: 'Hidden Participant', listedConsent: false });
    // Not in the Kazakh delegation the other sign-ups join (that would ask to confirm the country).
    const shown = await signUp({ nameNative: '王芳', nameLatin: 'Wang Fang', country: 'CN', listedConsent: true, delegation: { name: 'Delegation of China' } });
    expect(shown.result.status).toBe(201);
    expect(hidden.result.status).toBe(201);
    for (const id of [hidden.id, shown.id]) await stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });

    const csv = await stack.http.get(`/api/events/${p.eventId}/registrations.csv?status=approved`, { token: organiser });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Скрытый Участник');
    expect(csv.text).toContain('王芳');
    expect(csv.text).not.toContain('N12345678');
    expect(csv.text.split('\n').slice(1).every((line) => !line || line.includes('approved'))).toBe(true);

    const participants = await stack.http.get(`/api/events/${p.eventId}/participants.csv`, { token: organiser });
    expect(participants.text).toContain('Wang Fang');
    expect(participants.text).not.toContain('Hidden Participant');

    const xlsx = await fetch(`${stack.http.baseUrl}/api/events/${p.eventId}/participants.xlsx`, { headers: { authorization: `Bearer ${organiser}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const names = workbook.worksheets[0].getColumn(2).values.slice(2);
    expect(names).toContain('Wang Fang');
    expect(names).not.toContain('Hidden Participant');
    expect((await stack.http.get(`/api/events/${p.eventId}/registrations.pdf`, { token: organiser })).status).toBe(400);
    expect((await stack.http.get(`/api/events/${p.eventId}/participants.csv`, { token: staff })).status).toBe(403);
  });

  it('shows a delegate\'s email to organisers and admins in the list, the detail and the exports, never to staff or on the participant list', async () => {
    const { id, email } = await signUp({ nameLatin: 'Mail Shown', listedConsent: true });
    await stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });
    const inList = async (token: string) =>
      (await stack.http.get(`/api/events/${p.eventId}/registrations?q=Mail%20Shown`, { token })).body.items.find((r: { id: string }) => r.id === id);
    for (const token of [organiser, admin]) {
      expect((await inList(token)).email).toBe(email);
      expect((await stack.http.get(`/api/events/${p.eventId}/registrations/${id}`, { token })).body.email).toBe(email);
    }
    const forStaff = await inList(staff);
    expect(forStaff).toMatchObject({ id, nameLatin: 'Mail Shown' });
    expect(forStaff).not.toHaveProperty('email');
    const detailForStaff = await stack.http.get(`/api/events/${p.eventId}/registrations/${id}`, { token: staff });
    expect(detailForStaff.status).toBe(200);
    expect(detailForStaff.body).not.toHaveProperty('email');
    expect(detailForStaff.text).not.toContain(email);

    const csv = await stack.http.get(`/api/events/${p.eventId}/registrations.csv?q=Mail%20Shown`, { token: organiser });
    const [header, line] = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(line.split(',')[header.split(',').indexOf('email')]).toBe(email);
    const xlsx = await fetch(`${stack.http.baseUrl}/api/events/${p.eventId}/registrations.xlsx?q=Mail%20Shown`, { headers: { authorization: `Bearer ${admin}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const emailColumn = (sheet.getRow(1).values as unknown[]).indexOf('email');
    expect(sheet.getRow(2).getCell(emailColumn).value).toBe(email);
    expect((await stack.http.get(`/api/events/${p.eventId}/registrations.csv`, { token: staff })).status).toBe(403);
    // The participant list is for publication: no addresses.
    expect((await stack.http.get(`/api/events/${p.eventId}/participants.csv`, { token: organiser })).text).not.toContain(email);
  });
  it('tells browsers and proxies to keep no copy of personal answers, and leaves public ones cacheable', async () => {
    const { id, token, email } = await signUp();
    await stack.http.post(`/api/events/${p.eventId}/registrations/${id}/approve`, undefined, { token: organiser });
    const personal = [
      await stack.http.get(`/api/me/registrations/${id}`, { token }),
      await stack.http.bytes(`/api/me/registrations/${id}/badge.pdf`, { token }),
      await stack.http.get(`/api/events/${p.eventId}/registrations?pageSize=1`, { token: organiser }),
      await stack.http.post('/api/auth/login', { email, password: 'delegate password 12' }),
      // Refused too: even an error about someone's record is not kept.
      await stack.http.get(`/api/me/registrations/00000000-0000-4000-8000-000000000000`, { token }),
    ];
    expect(personal.map((answer) => [answer.status, answer.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [404, 'no-store'],
    ]);
    const publicEdition = await stack.http.get(`/api/public/events/${p.slug}`);
    expect(publicEdition.headers.get('cache-control') ?? '').not.toContain('no-store');
  });
});
