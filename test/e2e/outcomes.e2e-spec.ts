import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_OUTCOMES_2025, DemoOutcomesSeeder, DemoSeeder } from '#demo/index.js';
import { mintDelegates } from '#testing/delegates.js';
import { pdfPages, pdfText, withoutSpaces } from '#testing/pdf-text.js';
import { samplePdf } from '#testing/sample-pdf.js';
import { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

/** Starts like a PDF and ends like one, yet no reader opens it: no catalogue, no pages, no cross-reference table. */
const FAKE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('Outcomes: agreements, signing ceremonies, unveilings and the public list', () => {
  let stack: TestStack;
  let admin: string;
  let organiser: string;
  let protocol: string;
  let p: ProgrammeFixture;
  let ceremony: string;
  let PDF: Buffer;
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    PDF = await samplePdf('Cooperation agreement — signed copy');
    admin = await stack.loginAsAdmin();
    for (const role of ['organiser', 'staff']) {
      await stack.http.post('/api/users', { email: `${role}@example.org`, displayName: role, role, password: `${role} password 12` }, { token: admin });
    }
    organiser = await stack.http.login('organiser@example.org', 'organiser password 12');
    protocol = await stack.http.login('staff@example.org', 'staff password 12');
    p = await buildProgramme(stack.http, organiser);
    await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published' }, { token: organiser });
    ceremony = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ kind: 'signing_ceremony', roomId: p.hall, startsAt: at('2025-07-18', '11:50'), endsAt: at('2025-07-18', '12:10') }), { token: organiser })).body.id;
    for (const [key, name, country] of [
      ['zone', 'Demonstration zone committee', 'CN'],
      ['railway', 'Shandong Railway Investment', 'CN'],
      ['fund', 'Shandong Railway Development Fund', 'CN'],
      ['kz', 'Astana Logistics JSC', 'KZ'],
    ]) {
      orgs[key] = (await stack.http.post('/api/organisations', { name: tri(name), country, type: 'enterprise' }, { token: organiser })).body.id;
    }
  });
  afterAll(() => stack.close());

  const url = (path = '') => `/api/events/${p.eventId}/outcomes${path}`;

  async function agreement(overrides: Record<string, unknown> = {}) {
    const result = await stack.http.post(
      url(),
      {
        kind: 'agreement',
        agreementType: 'strategic_cooperation',
        title: tri('Cooperation agreement'),
        sessionId: ceremony,
        occurredAt: at('2025-07-18', '11:55'),
        signingOrder: 1,
        areas: ['industrial_investment', 'rail_express_logistics'],
        parties: [
          { organisationId: orgs.zone, role: 'party' },
          { organisationId: orgs.railway, role: 'party' },
        ],
        people: [
          { personId: p.people[0], role: 'signatory', forOrganisationId: orgs.zone, protocolOrder: 1 },
          { personId: p.people[1], role: 'signatory', forOrganisationId: orgs.railway, protocolOrder: 2 },
          { personId: p.people[2], role: 'witness', protocolOrder: 1 },
        ],
        ...overrides,
      },
      { token: protocol },
    );
    if (result.status !== 201) throw new Error(result.text);
    return result.body;
  }

  it('takes an agreement through planned → ready → signed, recording who signed and writing an outbox event', async () => {
    const created = await agreement();
    expect(created).toMatchObject({ status: 'planned', kind: 'agreement', parties: [expect.objectContaining({ role: 'party' }), expect.anything()] });
    const early = await stack.http.post(url(`/${created.id}/sign`), {}, { token: protocol });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_TRANSITION');
    // Messages are plain, grammatical English ("an" before a vowel).
    expect(early.body.message).toBe('An agreement that is planned cannot be signed: only a ready agreement can be');
    expect((await stack.http.post(url(`/${created.id}/ready`), undefined, { token: protocol })).body.status).toBe('ready');
    const signed = await stack.http.post(url(`/${created.id}/sign`), { signedAt: at('2025-07-18', '11:58') }, { token: protocol });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedAt: '2025-07-18T03:58:00.000Z' });
    expect((await stack.http.post(url(`/${created.id}/cancel`), undefined, { token: protocol })).status).toBe(409);
    const { rows } = await stack.db.pool.query(`SELECT payload FROM outbox WHERE name = 'agreement-signed' AND payload->>'outcomeId' = $1`, [created.id]);
    expect(rows).toHaveLength(1);
    const audit = await stack.http.get(`/api/audit?entity=outcome&entityId=${created.id}&action=outcome.sign`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'staff', before: { status: 'ready' }, after: { status: 'signed' } });
  });

  it('is not ready without two parties each with a signatory, and a signatory signs for a party of the agreement', async () => {
    const lonely = await agreement({ people: [{ personId: p.people[0], role: 'signatory', forOrganisationId: orgs.zone, protocolOrder: 1 }] });
    const notReady = await stack.http.post(url(`/${lonely.id}/ready`), undefined, { token: protocol });
    expect(notReady.status).toBe(422);
    expect(notReady.body).toMatchObject({ code: 'AGREEMENT_NOT_READY', details: { partiesWithoutSignatory: [orgs.railway] } });
    const stranger = await stack.http.post(
      url(),
      { kind: 'agreement', agreementType: 'other', title: tri('Odd'), parties: [{ organisationId: orgs.zone, role: 'party' }], people: [{ personId: p.people[0], role: 'signatory', forOrganisationId: orgs.kz }] },
      { token: protocol },
    );
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('SIGNS_FOR_UNKNOWN_PARTY');
    const typeless = await stack.http.post(url(), { kind: 'agreement', title: tri('No type') }, { token: protocol });
    expect(typeless.body.code).toBe('AGREEMENT_TYPE_REQUIRED');
  });

  it('prints the ordered run sheet of a signing ceremony', async () => {
    const second = await agreement({ title: { zh: '投资合作协议', en: 'Investment cooperation agreement', ru: 'Соглашение об инвестиционном сотрудничестве' }, signingOrder: 2, parties: [{ organisationId: orgs.zone, role: 'party' }, { organisationId: orgs.fund, role: 'party' }], people: [{ personId: p.people[1], role: 'signatory', forOrganisationId: orgs.fund, protocolOrder: 1 }] });
    const json = await stack.http.get(`/api/events/${p.eventId}/sessions/${ceremony}/run-sheet?lang=ru&format=json`, { token: protocol });
    expect(json.status).toBe(200);
    const orders = json.body.entries.map((e: { order: number; title: string }) => `${e.order}:${e.title}`);
    expect(orders.indexOf(`${orders.length}:Соглашение об инвестиционном сотрудничестве`)).toBeGreaterThanOrEqual(0);
    const firstEntry = json.body.entries[0];
    expect(firstEntry.parties[0]).toMatchObject({ name: 'Demonstration zone committee (рус.)', signatories: ['Ли Ган, Director (рус.)'] });
    expect(firstEntry.witnesses).toEqual(['Алия Нурланова']);
    expect(firstEntry).toMatchObject({ status: 'signed', statusLabel: 'подписано', kindLabel: 'Соглашение' });
    // The instants stay for machines; people get the wall clock of Qingdao and the zone's name.
    expect(json.body.session).toMatchObject({ startsAt: '2025-07-18T03:50:00.000Z', timeZone: 'Asia/Shanghai', utcOffset: 'UTC+08:00', startTime: '11:50', endTime: '12:10' });
    const html = await stack.http.get(`/api/events/${p.eventId}/sessions/${ceremony}/run-sheet?lang=zh`, { token: protocol });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('投资合作协议');
    expect(html.text).toContain('李刚');
    void second;
  });

  describe('run sheet in the reader\'s language and the event\'s wall clock', () => {
    const sheet = (lang: string, format = 'html') => `/api/events/${p.eventId}/sessions/${ceremony}/run-sheet?lang=${lang}&format=${format}`;
    const STATUS_WORDS = { zh: ['筹备中', '已签约'], ru: ['готовится', 'подписано'], en: ['planned', 'signed'] } as const;

    beforeAll(async () => {
      // One signed agreement in the ceremony, whose title needs escaping.
      const tricky = await agreement({ title: { zh: '协议 <b>&"一"', en: 'Deal <b>&"one"', ru: 'Сделка <b>&"один"' }, signingOrder: 3 });
      await stack.http.post(url(`/${tricky.id}/ready`), undefined, { token: protocol });
      await stack.http.post(url(`/${tricky.id}/sign`), {}, { token: protocol });
    });

    it.each(['zh', 'en', 'ru'] as const)('in %s: 11:50 in Asia/Shanghai, no ISO instant shown, every status in the language, one page per signing', async (lang) => {
      const html = await stack.http.get(sheet(lang), { token: protocol });
      expect(html.status).toBe(200);
      expect(html.headers.get('content-language')).toBe(lang);
      const visible = html.text.replace(/<[^>]*>/g, ' ');
      expect(visible).toContain('11:50–12:10');
      expect(visible).toContain('Asia/Shanghai (UTC+08:00)');
      // The instant appears only in a machine-readable attribute, never as text.
      expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(visible).not.toContain('03:50');
      for (const word of STATUS_WORDS[lang]) expect(visible).toContain(word);
      if (lang !== 'en') expect(visible).not.toMatch(/\[?(planned|signed|ready)\]?/);
      const entries = (await stack.http.get(sheet(lang, 'json'), { token: protocol })).body.entries as unknown[];
      expect(html.text.match(/<section class="ceremony"/g)).toHaveLength(entries.length);
      expect(html.text).toContain('break-before:page');
      // Titles are people's input: escaped, never markup.
      expect(html.text).not.toContain('<b>');
      expect(html.text).toContain('&lt;b&gt;&amp;&quot;');
    });

    it.each(['zh', 'ru'] as const)('as a PDF in %s whose text (pdftotext) shows the local time, the zone and the translated statuses', async (lang) => {
      const pdf = await stack.http.bytes(sheet(lang, 'pdf'), { token: protocol });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(pdf.body);
      expect(text).toContain('11:50–12:10');
      expect(text).toContain('Asia/Shanghai');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      for (const word of STATUS_WORDS[lang]) expect(withoutSpaces(text)).toContain(word);
      expect(withoutSpaces(text)).toContain(lang === 'zh' ? '李刚' : 'ЛиГан');
      const entries = (await stack.http.get(sheet(lang, 'json'), { token: protocol })).body.entries as unknown[];
      // The order of proceedings, then one page per signing.
      expect(pdfPages(pdf.body)).toHaveLength(1 + entries.length);
    });

    it('is not public', async () => {
      expect((await stack.http.get(sheet('en', 'pdf'))).status).toBe(401);
    });
  });

  it('stores signed copies checked by their bytes, with a SHA-256, and refuses anything else', async () => {
    const outcome = await agreement();
    const early = await stack.http.post(url(`/${outcome.id}/documents?language=zh`), undefined, { token: protocol, raw: PDF, headers: { 'content-type': 'application/pdf' } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DOCUMENT_NOT_EXPECTED');
    expect(early.body.message).toBe('A document is attached to an agreement once it is ready or signed; this one is planned');
    await stack.http.post(url(`/${outcome.id}/ready`), undefined, { token: protocol });
    const upload = (bytes: Buffer, type: string, language = 'zh') =>
      stack.http.post(url(`/${outcome.id}/documents?language=${language}`), undefined, { token: protocol, raw: bytes, headers: { 'content-type': type } });
    const pdf = await upload(PDF, 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length, language: 'zh' });
    expect(pdf.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    // The type comes from the bytes: a PNG sent as "PDF" is stored as the PNG it is.
    expect((await upload(PNG, 'application/pdf', 'ru')).body.contentType).toBe('image/png');
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('UNSUPPORTED_DOCUMENT');
    // The first bytes are not enough: a PDF must open as one, and nothing is stored when it does not.
    const filesBefore = readdirSync(join(stack.config.dataDir, 'documents'), { recursive: true }).length;
    for (const bytes of [FAKE_PDF, Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n'), PDF.subarray(0, PDF.length >> 1)]) {
      const fake = await upload(bytes, 'application/pdf');
      expect(fake.status).toBe(422);
      expect(fake.body).toMatchObject({ code: 'DOCUMENT_NOT_PDF', message: expect.stringContaining('does not open as one') });
    }
    expect(readdirSync(join(stack.config.dataDir, 'documents'), { recursive: true })).toHaveLength(filesBefore);
    const huge = await upload(Buffer.concat([PDF, randomBytes(10 * 1024 * 1024)]), 'application/pdf');
    expect(huge.status).toBe(413);
    const download = await fetch(`${stack.http.baseUrl}${url(`/${outcome.id}/documents/${pdf.body.id}`)}`, { headers: { authorization: `Bearer ${protocol}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(download.headers.get('x-content-sha256')).toBe(pdf.body.sha256);
    // A stored copy altered behind our back is refused, not served.
    const { rows: stored } = await stack.db.pool.query(`SELECT storage_key FROM outcome_document WHERE id = $1`, [pdf.body.id]);
    writeFileSync(join(stack.config.dataDir, 'documents', stored[0].storage_key), Buffer.concat([PDF, Buffer.from('tampered')]));
    const tampered = await stack.http.get(url(`/${outcome.id}/documents/${pdf.body.id}`), { token: protocol });
    expect(tampered.status).toBe(500);
    expect(tampered.body.code).toBe('DOCUMENT_CORRUPTED');
    const [delegate] = await mintDelegates(stack, p.eventId, 1);
    const forbidden = await stack.http.get(url(`/${outcome.id}/documents/${pdf.body.id}`), { token: delegate.token });
    expect(forbidden.status).toBe(403);
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM outcome_document WHERE outcome_id = $1`, [outcome.id]);
    expect(rows[0].n).toBe(2);
  });

  it('removes a wrongly uploaded document for organisers only: audited, its file gone from the store, 404 when none', async () => {
    const outcome = await agreement({ title: tri('Wrong upload') });
    await stack.http.post(url(`/${outcome.id}/ready`), undefined, { token: protocol });
    const upload = (bytes: Buffer, language: string) =>
      stack.http.post(url(`/${outcome.id}/documents?language=${language}`), undefined, { token: protocol, raw: bytes, headers: { 'content-type': 'application/octet-stream' } });
    const wrong = (await upload(PNG, 'zh')).body;
    const kept = (await upload(PDF, 'en')).body;
    const { rows: stored } = await stack.db.pool.query(`SELECT storage_key FROM outcome_document WHERE id = $1`, [wrong.id]);
    const file = join(stack.config.dataDir, 'documents', stored[0].storage_key);
    expect(existsSync(file)).toBe(true);
    const remove = (id: string, token: string, outcomeId = outcome.id) => stack.http.request('DELETE', url(`/${outcomeId}/documents/${id}`), undefined, { token });

    // Protocol staff upload, but do not remove.
    const byStaff = await remove(wrong.id, protocol);
    expect(byStaff.status).toBe(403);
    // Not under another outcome's id.
    const other = await agreement({ title: tri('Another agreement') });
    expect((await remove(wrong.id, organiser, other.id)).status).toBe(404);
    expect(existsSync(file)).toBe(true);

    const removed = await remove(wrong.id, organiser);
    expect(removed.status).toBe(204);
    expect(existsSync(file)).toBe(false);
    const again = await remove(wrong.id, organiser);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 'NOT_FOUND', message: 'Document was not found' });
    expect((await stack.http.get(url(`/${outcome.id}/documents/${wrong.id}`), { token: protocol })).status).toBe(404);
    const after = await stack.http.get(url(`/${outcome.id}`), { token: protocol });
    expect(after.body.documents.map((d: { id: string }) => d.id)).toEqual([kept.id]);
    const audit = await stack.http.get(`/api/audit?entity=outcome&entityId=${outcome.id}&action=outcome.document_removed`, { token: admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'organiser', before: { id: wrong.id, sha256: wrong.sha256, language: 'zh', contentType: 'image/png' } });
  });

  it('records unveilings and other outcomes; only organisers publish, and the public sees only what was approved, never confidential parts', async () => {
    const unveiling = (
      await stack.http.post(
        url(),
        { kind: 'unveiling', title: { zh: '数据跨境服务专区', en: 'Cross-border Data Service Zone', ru: 'Зона трансграничных услуг в сфере данных' }, sessionId: ceremony, areas: ['cross_border_data'], parties: [{ organisationId: orgs.zone, role: 'operator' }], people: [{ personId: p.people[0], role: 'unveiler', protocolOrder: 1 }] },
        { token: protocol },
      )
    ).body;
    expect((await stack.http.post(url(`/${unveiling.id}/done`), undefined, { token: protocol })).body.status).toBe('done');
    const secret = await agreement({
      title: tri('Confidential investment'),
      value: { amount: '500000000.00', currency: 'CNY', confidential: true },
      parties: [
        { organisationId: orgs.zone, role: 'party' },
        { organisationId: orgs.kz, role: 'party', confidential: true },
      ],
      people: [
        { personId: p.people[0], role: 'signatory', forOrganisationId: orgs.zone, protocolOrder: 1 },
        { personId: p.people[2], role: 'signatory', forOrganisationId: orgs.kz, protocolOrder: 2 },
      ],
    });
    await stack.http.post(url(`/${secret.id}/ready`), undefined, { token: protocol });
    await stack.http.post(url(`/${secret.id}/sign`), {}, { token: protocol });
    const unapproved = await agreement({ title: tri('Not yet approved') });
    // Signed but never approved: it must stay off the public list.
    const signedUnapproved = await agreement({ title: tri('Signed, awaiting approval') });
    await stack.http.post(url(`/${signedUnapproved.id}/ready`), undefined, { token: protocol });
    await stack.http.post(url(`/${signedUnapproved.id}/sign`), {}, { token: protocol });

    // Protocol staff cannot publish; organisers can, only what is signed or done.
    expect((await stack.http.post(url(`/${secret.id}/approve`), undefined, { token: protocol })).status).toBe(403);
    const notSigned = await stack.http.post(url(`/${unapproved.id}/approve`), undefined, { token: organiser });
    expect(notSigned.status).toBe(409);
    expect(notSigned.body.message).toBe('An agreement that is planned cannot be approved: only a signed or done outcome not yet published can be');
    for (const id of [unveiling.id, secret.id]) expect((await stack.http.post(url(`/${id}/approve`), undefined, { token: organiser })).status).toBe(200);

    const list = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`);
    expect(list.status).toBe(200);
    const titles = list.body.groups.flatMap((g: { outcomes: { title: string }[] }) => g.outcomes.map((o) => o.title));
    expect(titles).toEqual(expect.arrayContaining(['Cross-border Data Service Zone', 'Confidential investment']));
    expect(titles).not.toContain('Not yet approved');
    expect(titles).not.toContain('Signed, awaiting approval');
    const published = list.body.groups.flatMap((g: { outcomes: { title: string }[] }) => g.outcomes).find((o: { title: string }) => o.title === 'Confidential investment');
    expect(published.value).toBeNull();
    expect(published.parties).toEqual([{ name: 'Demonstration zone committee', country: 'CN', role: 'party' }]);
    expect(published.people.map((x: { name: string }) => x.name)).toEqual(['Li Gang']);
    expect(JSON.stringify(list.body)).not.toMatch(/Astana|500000000|Aliya/);
    expect(list.body.groups[0].session).toMatchObject({ id: ceremony });
    expect(list.body.counts).toMatchObject({ total: 2, byKind: { agreement: 1, unveiling: 1 }, byCountry: { CN: 2 } });
    expect(list.body.counts.byCountry.KZ).toBeUndefined();
    expect(list.body.counts.byArea.cross_border_data).toBe(1);

    // A delegate gets the public view only: the staff list (with the value) is closed to them.
    const [delegate] = await mintDelegates(stack, p.eventId, 1);
    expect((await stack.http.get(url(), { token: delegate.token })).status).toBe(403);
    // The staff list in pages, in signing order, with its total even past the last page.
    const firstPage = await stack.http.get(url('?pageSize=1'), { token: protocol });
    const secondPage = await stack.http.get(url('?pageSize=1&page=2'), { token: protocol });
    const beyond = await stack.http.get(url('?pageSize=1&page=9999'), { token: protocol });
    expect(firstPage.body.total).toBeGreaterThan(1);
    expect(firstPage.body.items).toHaveLength(1);
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[0].id);
    expect(beyond.body).toMatchObject({ items: [], total: firstPage.body.total });
    // Protocol staff see who signs, not a confidential amount; organisers see it.
    const staffView = await stack.http.get(url(`/${secret.id}`), { token: protocol });
    expect(staffView.body.value).toEqual({ amount: null, currency: 'CNY', confidential: true });
    expect(staffView.body.parties.map((x: { organisationId: string }) => x.organisationId)).toContain(orgs.kz);
    const organiserView = await stack.http.get(url(`/${secret.id}`), { token: organiser });
    expect(organiserView.body.value.amount).toBe('500000000.00');

    const zh = await stack.http.get(`/api/public/events/${p.slug}/outcomes`, { headers: { 'accept-language': 'zh' } });
    expect(zh.body.language).toBe('zh');
    const csv = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=ru&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Зона трансграничных услуг в сфере данных');
    expect(csv.text).not.toContain('Astana');
    const page = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=zh&format=html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('数据跨境服务专区');
    expect(page.text).toContain('按类型');
    expect(page.text).not.toMatch(/Astana|500000000/);

    const twice = await stack.http.post(url(`/${unveiling.id}/approve`), undefined, { token: organiser });
    expect(twice.body.message).toBe('An unveiling that is done and published cannot be approved: only a signed or done outcome not yet published can be');
    // Withdrawn, it disappears again.
    await stack.http.post(url(`/${unveiling.id}/withdraw`), undefined, { token: organiser });
    const after = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`);
    expect(after.body.counts.total).toBe(1);
  });

  it('shows when each public outcome was signed or took place, in the event zone, and its amount as the reader writes it', async () => {
    const valued = await agreement({ title: tri('Valued agreement'), value: { amount: '1234567.50', currency: 'CNY' } });
    await stack.http.post(url(`/${valued.id}/ready`), undefined, { token: protocol });
    await stack.http.post(url(`/${valued.id}/sign`), { signedAt: at('2025-07-18', '11:58') }, { token: protocol });
    const plaque = (await stack.http.post(url(), { kind: 'unveiling', title: tri('Timed plaque'), sessionId: ceremony }, { token: protocol })).body;
    const done = await stack.http.post(url(`/${plaque.id}/done`), { doneAt: at('2025-07-18', '12:05') }, { token: protocol });
    expect(done.body).toMatchObject({ status: 'done', doneAt: '2025-07-18T04:05:00.000Z' });
    for (const id of [valued.id, plaque.id]) expect((await stack.http.post(url(`/${id}/approve`), undefined, { token: organiser })).status).toBe(200);

    const find = (body: { groups: { outcomes: { id: string }[] }[] }, id: string) => body.groups.flatMap((g) => g.outcomes).find((o) => o.id === id) as Record<string, unknown>;
    const en = (await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`)).body;
    expect(en.event.timeZone).toBe('Asia/Shanghai');
    expect(find(en, valued.id)).toMatchObject({
      completed: { status: 'signed', at: '2025-07-18T03:58:00.000Z', localAt: '2025-07-18T11:58:00+08:00', timeZone: 'Asia/Shanghai', text: '18 July 2025 at 11:58' },
      value: { amount: '1234567.50', currency: 'CNY', formatted: 'CN¥1,234,567.50' },
    });
    expect(find(en, plaque.id)).toMatchObject({ completed: { status: 'done', at: '2025-07-18T04:05:00.000Z', localAt: '2025-07-18T12:05:00+08:00' }, value: null });
    const ru = (await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=ru`)).body;
    const ruValued = find(ru, valued.id) as { value: { formatted: string }; completed: { text: string } };
    // Russian groups digits with a no-break space.
    expect(ruValued.value.formatted.replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234 567,50 CN¥');
    expect(ruValued.completed.text).toBe('18 июля 2025 г. в 11:58');
    const zh = (await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=zh`)).body;
    expect(find(zh, valued.id)).toMatchObject({ value: { amount: '1234567.50', formatted: '¥1,234,567.50' }, completed: { text: '2025年7月18日 11:58' } });

    const csv = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en&format=csv`);
    expect(csv.text).toContain('Signed or held');
    expect(csv.text).toContain('18 July 2025 at 11:58');
    expect(csv.text).toContain('"CN¥1,234,567.50",1234567.50,CNY');
    const html = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en&format=html`);
    expect(html.text).toContain('Signed <time datetime="2025-07-18T11:58:00+08:00">18 July 2025 at 11:58</time>');
    expect(html.text).toContain('Held <time datetime="2025-07-18T12:05:00+08:00">');
    expect(html.text).toContain('<data value="1234567.50">CN¥1,234,567.50</data>');
    // Withdrawn again, so the counts the other tests read stay theirs.
    for (const id of [valued.id, plaque.id]) await stack.http.post(url(`/${id}/withdraw`), undefined, { token: organiser });
  });

  it('audits who changed the value', async () => {
    const outcome = await agreement();
    await stack.http.patch(url(`/${outcome.id}`), { value: { amount: '1000.00', currency: 'USD' } }, { token: protocol });
    const audit = await stack.http.get(`/api/audit?entity=outcome&entityId=${outcome.id}&action=outcome.updated`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'staff', before: { value: null }, after: { value: { amount: '1000.00', currency: 'USD' } } });
    const bad = await stack.http.patch(url(`/${outcome.id}`), { value: { amount: '1.234', currency: 'usd' } }, { token: protocol });
    expect(bad.status).toBe(400);
  });

  it('loads the 2025 outcomes from the seeds: the Qingdao Initiative in three languages, the unveilings, the signings', async () => {
    await stack.api!.get(DemoSeeder, { strict: false }).seed();
    const seeder = stack.api!.get(DemoOutcomesSeeder, { strict: false });
    expect(await seeder.seed()).toBe(DEMO_OUTCOMES_2025.outcomes.length);
    expect(await seeder.seed()).toBe(0);
    const en = await stack.http.get('/api/public/events/sco-local-trade-2025/outcomes?lang=en');
    const all = en.body.groups.flatMap((g: { outcomes: { kind: string; title: string; body: string | null }[] }) => g.outcomes);
    const initiative = all.find((o: { kind: string; body: string | null }) => o.kind === 'initiative' && o.body);
    expect(initiative.body).toMatch(/SCO/);
    const ru = await stack.http.get('/api/public/events/sco-local-trade-2025/outcomes?lang=ru');
    const ruInitiative = ru.body.groups.flatMap((g: { outcomes: { id: string; body: string | null }[] }) => g.outcomes).find((o: { id: string }) => o.id === initiative.id);
    expect(ruInitiative.body).toMatch(/[а-яё]{4,}/i);
    expect(en.body.counts.byKind.unveiling).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(en.body)).not.toContain('500000000');
  });

  it('signs a ready agreement once when two clerks record it at the same moment', async () => {
    const outcome = await agreement({ title: tri('Raced') });
    await stack.http.post(url(`/${outcome.id}/ready`), undefined, { token: protocol });
    const results = await Promise.all([1, 2, 3].map(() => stack.http.post(url(`/${outcome.id}/sign`), {}, { token: protocol })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE name = 'agreement-signed' AND payload->>'outcomeId' = $1`, [outcome.id]);
    expect(rows[0].n).toBe(1);
  });

  it('puts a ready agreement back to planned when its signatories change, so it cannot be signed without them', async () => {
    const outcome = await agreement({ title: tri('Shaky') });
    await stack.http.post(url(`/${outcome.id}/ready`), undefined, { token: protocol });
    const stripped = await stack.http.patch(url(`/${outcome.id}`), { people: [] }, { token: protocol });
    expect(stripped.body.status).toBe('planned');
    const sign = await stack.http.post(url(`/${outcome.id}/sign`), {}, { token: protocol });
    expect(sign.status).toBe(422);
    expect(sign.body.code).toBe('AGREEMENT_NOT_READY');
  });

  it('locks a signed agreement\'s terms for staff, and takes an edited outcome off the public list until approved again', async () => {
    const outcome = await agreement({
      title: tri('Published then edited'),
      value: { amount: '42.00', currency: 'USD', confidential: true },
      parties: [
        { organisationId: orgs.zone, role: 'party' },
        { organisationId: orgs.railway, role: 'party', confidential: true },
      ],
    });
    await stack.http.post(url(`/${outcome.id}/ready`), undefined, { token: protocol });
    await stack.http.post(url(`/${outcome.id}/sign`), {}, { token: protocol });
    const locked = await stack.http.patch(url(`/${outcome.id}`), { parties: [{ organisationId: orgs.zone, role: 'party' }] }, { token: protocol });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('OUTCOME_SIGNED');
    await stack.http.post(url(`/${outcome.id}/approve`), undefined, { token: organiser });
    // An organiser resends the value and the parties without the flags: what was confidential stays so.
    const edited = await stack.http.patch(
      url(`/${outcome.id}`),
      { value: { amount: '43.00', currency: 'USD' }, parties: [{ organisationId: orgs.zone, role: 'party' }, { organisationId: orgs.railway, role: 'party' }] },
      { token: organiser },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ approvedAt: null, value: { confidential: true } });
    expect(edited.body.parties.find((x: { organisationId: string }) => x.organisationId === orgs.railway).confidential).toBe(true);
    const list = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`);
    expect(JSON.stringify(list.body)).not.toContain('Published then edited');
  });

  it('publishes only outcomes complete in three languages, and never names a session the public programme hides', async () => {
    const closed = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ title: tri('Closed-door signing'), visibility: 'invitation', startsAt: at('2025-07-18', '17:00'), endsAt: at('2025-07-18', '18:00') }), { token: organiser })).body.id;
    const halfTranslated = (await stack.http.post(url(), { kind: 'announcement', title: { zh: '只有中文' }, sessionId: closed }, { token: protocol })).body;
    await stack.http.post(url(`/${halfTranslated.id}/done`), undefined, { token: protocol });
    const refused = await stack.http.post(url(`/${halfTranslated.id}/approve`), undefined, { token: organiser });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'TRANSLATIONS_MISSING', details: [{ field: 'title', missing: ['en', 'ru'] }] });
    // The gap names its record as a translator knows it: the title in the languages it has, beside the id.
    expect(refused.body.details).toEqual([{ entity: 'outcome', id: halfTranslated.id, label: { zh: '只有中文' }, field: 'title', missing: ['en', 'ru'] }]);
    expect(refused.body.message).toBe('"只有中文" cannot be published yet: its title lacks en, ru (outcomes are published in zh, en and ru)');
    const summaryGap = (await stack.http.post(url(), { kind: 'announcement', title: tri('Fully titled'), summary: { en: 'English only' } }, { token: protocol })).body;
    await stack.http.post(url(`/${summaryGap.id}/done`), undefined, { token: protocol });
    const refusedSummary = await stack.http.post(url(`/${summaryGap.id}/approve`), undefined, { token: organiser });
    expect(refusedSummary.body.details).toEqual([{ entity: 'outcome', id: summaryGap.id, label: tri('Fully titled'), field: 'summary', missing: ['zh', 'ru'] }]);
    await stack.http.patch(url(`/${halfTranslated.id}`), { title: tri('Announced behind closed doors') }, { token: protocol });
    expect((await stack.http.post(url(`/${halfTranslated.id}/approve`), undefined, { token: organiser })).status).toBe(200);
    const list = await stack.http.get(`/api/public/events/${p.slug}/outcomes?lang=en`);
    const group = list.body.groups.find((g: { outcomes: { title: string }[] }) => g.outcomes.some((o) => o.title === 'Announced behind closed doors'));
    expect(group.session).toBeNull();
    expect(JSON.stringify(list.body)).not.toContain('Closed-door signing');
  });

  it('shows nothing for an event that is not published', async () => {
    const draft = await buildProgramme(stack.http, organiser);
    expect((await stack.http.get(`/api/public/events/${draft.slug}/outcomes`)).status).toBe(404);
  });
});
