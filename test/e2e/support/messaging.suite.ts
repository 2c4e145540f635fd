import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '#core/queue/queue-names.js';
import { MessageRefusedError, NotificationEvents, NotificationRecorder, ScheduleChangeNotices } from '#messaging/index.js';
import { NotificationsProcessor } from '../../../apps/worker/src/notifications/notifications.processor.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody } from './programme-fixtures.js';
import { startSmtpSink, type SmtpSink } from '#testing/smtp-sink.js';

const signUpBody = (email: string, language: string) => ({
  email,
  password: 'delegate password 12',
  nameNative: language === 'ru' ? 'Айгерим Сапарова' : '王芳',
  nameLatin: language === 'ru' ? 'Aigerim Saparova' : 'Wang Fang',
  country: language === 'ru' ? 'KZ' : 'CN',
  category: 'business',
  preferredLanguage: language,
  consent: { accepted: true, noticeVersion: '1' },
});

/** Notifications end to end on one queue backend: recorded once, sent to a real SMTP server in the recipient's language. */
export function describeMessaging(backend: QueueBackend): void {
  describe(`Notifications by email on the ${backend} queue backend`, () => {
    let smtp: SmtpSink;
    let stack: TestStack;
    let organiser: string;
    let p: ProgrammeFixture;

    beforeAll(async () => {
      smtp = await startSmtpSink();
      stack = await TestStack.create({ backend, env: { SMTP_URL: smtp.url, JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' } });
      await stack.startApi();
      await stack.startWorker();
      organiser = await stack.loginAsAdmin();
      p = await buildProgramme(stack.http, organiser);
      await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'approval' }, { token: organiser });
    });
    afterAll(async () => {
      await stack?.close();
      await smtp?.close();
    });

    const mailTo = (email: string) => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).toLowerCase().includes(email));
    const waitForMail = (email: string, count: number, what: string) =>
      eventually(async () => (mailTo(email).length >= count ? mailTo(email) : undefined), 20_000, what);

    it('sends a new delegate their welcome and the receipt of their registration, in Russian, with text and HTML parts', async () => {
      const email = `ru-${backend}@example.kz`;
      const signed = await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(email, 'ru'));
      expect(signed.status).toBe(201);
      const mails = await waitForMail(email, 2, 'two messages');
      for (const mail of mails) {
        expect(mail.subject).toMatch(/[а-яё]/i);
        expect(mail.text).toMatch(/[а-яё]/i);
        expect(mail.html).toContain('<html');
        expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@sco-backoffice>$/);
      }
      expect(mails.map((m) => m.text).join('\n')).toContain('Айгерим Сапарова');
      // The welcome's link opens the console's sign-in page, greeting the newcomer in their language.
      const welcome = mails.find((m) => m.text?.includes('/console/sign-in'));
      expect(welcome?.text).toContain(`${stack.config.publicBaseUrl}/console/sign-in?welcome=1&lang=ru`);
      expect(welcome?.text).not.toContain('/docs');
      const { rows } = await stack.db.pool.query(
        `SELECT kind, status, language, provider_message_id FROM notification WHERE recipient_email = $1 ORDER BY kind`,
        [email],
      );
      await eventually(async () => {
        const r = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_email = $1 AND status = 'sent'`, [email]);
        return r.rows[0].n === 2;
      }, 10_000, 'both marked sent');
      expect(rows.map((r) => `${r.kind}:${r.language}`)).toEqual(['registration-received:ru', 'welcome:ru']);
    });

    it('tells the delegate of each decision and seat, once each, even when an event is handled twice', async () => {
      const email = `zh-${backend}@example.cn`;
      const signed = await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(email, 'zh'));
      const token = await stack.http.login(email, 'delegate password 12');
      await waitForMail(email, 2, 'welcome and receipt');
      await stack.http.post(`/api/events/${p.eventId}/registrations/${signed.body.id}/approve`, undefined, { token: organiser });
      const approved = await waitForMail(email, 3, 'approval');
      // The link lands on the console's badge page (which signs the delegate in), not on the bearer-only PDF route.
      const approval = approved.find((m) => m.text?.includes(`/console/me/registrations/${signed.body.id}/badge`));
      expect(approval).toBeDefined();
      expect(approval!.text).not.toContain('badge.pdf');
      expect(approval!.html).toContain(`/console/me/registrations/${signed.body.id}/badge"`);
      expect(approval!.subject).toMatch(/[\u4e00-\u9fff]/);

      const session = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.remote, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') }), { token: organiser })).body.id;
      const enrolled = await stack.http.post(`/api/me/registrations/${signed.body.id}/enrolments`, { sessionId: session }, { token });
      expect(enrolled.status).toBe(201);
      const withSeat = await waitForMail(email, 4, 'seat confirmation');
      const confirmation = withSeat.find((m) => m.attachments.length > 0);
      expect(confirmation?.attachments).toHaveLength(1);
      const ics = confirmation!.attachments[0];
      expect(ics.contentType).toBe('text/calendar');
      expect(ics.filename).toBe('session.ics');
      expect(ics.content.toString('utf8')).toContain(`UID:${session}@sco-backoffice`);
      expect(ics.content.toString('utf8')).toContain('DTSTART:20250718T010000Z');

      // The same events handled again (a job run twice): nothing more is sent.
      const events = stack.workerContext().get(NotificationEvents);
      await events.registrationChanged(signed.body.id, 'approved');
      await events.enrolmentChanged(enrolled.body.id, 'enrolled');
      // Recording is what would repeat: the rows say it did not, whatever the delivery timing.
      const { rows: recorded } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_email = $1`, [email]);
      expect(recorded[0].n).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(mailTo(email)).toHaveLength(4);
    });

    it('retries a refused message with backoff, marks it failed after the last attempt, and sends it when retried', async () => {
      const email = `busy-${backend}@example.uz`;
      smtp.refuse.add(email);
      await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(email, 'ru'));
      const failed = await eventually(async () => {
        const page = await stack.http.get('/api/notifications?status=failed', { token: organiser });
        const mine = (page.body.items as { id: string; attempts: number; lastError: string; kind: string }[]).filter((n) => n.kind === 'welcome' || n.kind === 'registration-received');
        return mine.length === 2 ? mine : undefined;
      }, 20_000, 'two failed messages');
      expect(failed.every((n) => n.attempts === 3 && /busy|450/.test(n.lastError))).toBe(true);
      expect(mailTo(email)).toHaveLength(0);
      smtp.refuse.delete(email);
      // The worker's verdict on the last failed attempt can arrive after an organiser has already queued the
      // message again (a loaded machine delays it): replayed here, right after the retry, as the queue emits it.
      // That verdict must not mark the re-queued message failed again, or the retry would be lost.
      const queue = stack.workerContext().get<Queue>(getQueueToken(QueueName.Notifications), { strict: false });
      // The rows say failed a moment before the queue has moved their jobs to its failed set: wait for both.
      const failedJobs = await eventually(async () => {
        const jobs = (await queue.getFailed()).filter((job) => failed.some((n) => n.id === job.data.notificationId));
        return jobs.length === 2 ? jobs : undefined;
      }, 10_000, 'both jobs in the queue\'s failed set');
      const processor = stack.workerContext().get(NotificationsProcessor, { strict: false });
      for (const n of failed) expect((await stack.http.post(`/api/notifications/${n.id}/retry`, undefined, { token: organiser })).status).toBe(204);
      for (const job of failedJobs) processor.worker.emit('failed', job, new MessageRefusedError('mailbox busy, try later', undefined, 450), 'active');
      await waitForMail(email, 2, 'retried messages');
      await eventually(async () => {
        const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_email = $1 AND status = 'sent'`, [email]);
        return rows[0].n === 2;
      }, 10_000, 'both retried messages marked sent');
      expect((await stack.http.post(`/api/notifications/${failed[0].id}/retry`, undefined, { token: organiser })).body.code).toBe('NOT_FAILED');
      // Past the last page the list is empty but still tells how many there are.
      const first = await stack.http.get('/api/notifications?pageSize=1', { token: organiser });
      const beyond = await stack.http.get('/api/notifications?page=9999&pageSize=1', { token: organiser });
      expect(beyond.body.items).toEqual([]);
      expect(beyond.body.total).toBe(first.body.total);
      expect(first.body.total).toBeGreaterThan(2);
    });

    it('sends an invitation with its link, and tells a queued delegate when a seat frees', async () => {
      const invited = await stack.http.post(
        `/api/events/${p.eventId}/invitations`,
        { email: `guest-${backend}@example.kg`, nameNative: 'Бакыт Осмонов', nameLatin: 'Bakyt Osmonov', country: 'KG', category: 'official', preferredLanguage: 'ru' },
        { token: organiser },
      );
      const [invitation] = await waitForMail(`guest-${backend}@example.kg`, 1, 'invitation');
      expect(invitation.text).toContain(encodeURIComponent(invited.body.token));
      // The link is the console's registration page of the edition, carrying the token (in the guest's language).
      expect(invitation.text).toContain(`${stack.config.publicBaseUrl}/console/e/${p.slug}/register?lang=ru&invitation=${encodeURIComponent(invited.body.token)}`);
      expect(invitation.text).not.toContain('/api/public/events/');
      expect(invitation.text).toContain('Бакыт Осмонов');
      // The token is in the message, never in clear in the stored notification.
      const stored = await stack.db.pool.query(`SELECT payload::text AS payload FROM notification WHERE kind = 'invitation' AND recipient_email = $1`, [`guest-${backend}@example.kg`]);
      expect(stored.rows).toHaveLength(1);
      expect(stored.rows[0].payload).not.toContain(invited.body.token);
      expect(stored.rows[0].payload).not.toContain(encodeURIComponent(invited.body.token));

      const small = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.small, capacity: 1, startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '10:00') }), { token: organiser })).body.id;
      const people: { email: string; token: string; claim: { id: string; status: string } }[] = [];
      for (const n of [1, 2]) {
        const email = `seat-${n}-${backend}@example.ru`;
        const signed = await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(email, 'ru'));
        await stack.http.post(`/api/events/${p.eventId}/registrations/${signed.body.id}/approve`, undefined, { token: organiser });
        const token = await stack.http.login(email, 'delegate password 12');
        const claim = await stack.http.post(`/api/me/registrations/${signed.body.id}/enrolments`, { sessionId: small }, { token });
        people.push({ email, token, claim: claim.body });
      }
      expect(people[1].claim.status).toBe('waitlisted');
      await stack.http.request('DELETE', `/api/me/enrolments/${people[0].claim.id}`, undefined, { token: people[0].token });
      const kinds = await eventually(async () => {
        const { rows } = await stack.db.pool.query(`SELECT kind FROM notification WHERE recipient_email = $1 AND status = 'sent' ORDER BY created_at`, [people[1].email]);
        const list = rows.map((r) => r.kind);
        // Each message has its own delivery job: the two may be sent in either order.
        return list.includes('enrolment-promoted') && list.includes('enrolment-waitlisted') ? list : undefined;
      }, 20_000, 'the waiting-list and promotion messages');
      expect(kinds.filter((kind: string) => kind.startsWith('enrolment-')).sort()).toEqual(['enrolment-promoted', 'enrolment-waitlisted']);
      // The seat given up leaves the calendar it was put in: a cancelled entry under the confirmation's UID.
      const mailOfKind = (email: string, kind: string) =>
        eventually(async () => {
          const { rows } = await stack.db.pool.query(`SELECT id FROM notification WHERE recipient_email = $1 AND kind = $2 AND status = 'sent'`, [email, kind]);
          return rows[0] ? mailTo(email).find((m) => m.messageId === `<${rows[0].id}@sco-backoffice>`) : undefined;
        }, 20_000, `the ${kind} mail`);
      const left = await mailOfKind(people[0].email, 'enrolment-cancelled');
      const cancelledIcs = left.attachments[0].content.toString('utf8');
      expect(cancelledIcs).toContain(`UID:${small}@sco-backoffice`);
      expect(cancelledIcs).toContain('STATUS:CANCELLED');
      // Someone who only waited in line was never sent the session, so nothing is withdrawn from their calendar.
      expect((await mailOfKind(people[1].email, 'enrolment-waitlisted')).attachments).toHaveLength(0);
      expect((await mailOfKind(people[1].email, 'enrolment-promoted')).attachments).toHaveLength(1);
    });

    it('tells each delegate in a session, once, in their language, when a release moves it or changes its room', async () => {
      const session = (await stack.http.post(
        `/api/events/${p.eventId}/sessions`,
        sessionBody({ roomId: p.remote, capacity: 10, startsAt: at('2025-07-19', '14:00'), endsAt: at('2025-07-19', '15:00') }),
        { token: organiser },
      )).body.id;
      const delegates: { email: string; language: string }[] = [
        { email: `moved-en-${backend}@example.org`, language: 'en' },
        { email: `moved-zh-${backend}@example.cn`, language: 'zh' },
      ];
      for (const d of delegates) {
        const signed = await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(d.email, d.language));
        await stack.http.post(`/api/events/${p.eventId}/registrations/${signed.body.id}/approve`, undefined, { token: organiser });
        const token = await stack.http.login(d.email, 'delegate password 12');
        expect((await stack.http.post(`/api/me/registrations/${signed.body.id}/enrolments`, { sessionId: session }, { token })).body.status).toBe('enrolled');
      }
      const publish = async (name: string) => {
        const release = await stack.http.post(`/api/events/${p.eventId}/releases`, { name: { zh: `${name}（中）`, en: name, ru: `${name} (рус.)` } }, { token: organiser });
        expect(release.status).toBe(201);
        return release.body as { id: string; number: number };
      };
      const sentKinds = (email: string) =>
        stack.db.pool.query(`SELECT kind FROM notification WHERE recipient_email = $1 AND kind LIKE 'session-%' ORDER BY created_at`, [email]).then((r) => r.rows.map((row) => row.kind));

      await publish('Before the move');
      await stack.http.patch(`/api/events/${p.eventId}/sessions/${session}`, { startsAt: at('2025-07-19', '16:00'), endsAt: at('2025-07-19', '17:00') }, { token: organiser });
      const moved = await publish('Moved');
      const en = await eventually(async () => mailTo(delegates[0].email).find((m) => /new time/.test(m.subject ?? '')), 20_000, 'the English move notice');
      expect(en.text).toContain('Previously: 19 July 2025 at 14:00');
      expect(en.text).toContain('Now: 19 July 2025 at 16:00');
      // The new time for the seat holder's calendar, under the confirmation's UID and with a higher SEQUENCE.
      const confirmationIcs = mailTo(delegates[0].email).find((m) => m !== en && m.attachments.length > 0)!.attachments[0].content.toString('utf8');
      expect(en.attachments).toHaveLength(1);
      const movedIcs = en.attachments[0].content.toString('utf8');
      expect(en.attachments[0].filename).toBe('session.ics');
      expect(movedIcs).toContain(`UID:${session}@sco-backoffice`);
      expect(movedIcs).toContain('DTSTART:20250719T080000Z');
      const sequenceOf = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
      expect(sequenceOf(movedIcs)).toBeGreaterThanOrEqual(sequenceOf(confirmationIcs));
      const zh = await eventually(async () => mailTo(delegates[1].email).find((m) => (m.subject ?? '').includes('时间调整')), 20_000, 'the Chinese move notice');
      expect(zh.text).toContain('调整后时间');

      // The same release handled again records nothing new.
      const notices = stack.workerContext().get(ScheduleChangeNotices);
      expect(await notices.releasePublished(moved.id)).toBe(0);

      await stack.http.patch(`/api/events/${p.eventId}/sessions/${session}`, { roomId: p.hall }, { token: organiser });
      await publish('New room');
      await eventually(async () => ((await sentKinds(delegates[1].email)).length === 2 ? true : undefined), 20_000, 'the room notice');
      for (const d of delegates) expect(await sentKinds(d.email)).toEqual(['session-moved', 'session-room-changed']);
      const roomMail = await eventually(async () => mailTo(delegates[0].email).find((m) => /another room/.test(m.subject ?? '')), 20_000, 'the room mail');
      expect(roomMail.text).toContain('New room: Hall');
      expect(roomMail.attachments[0].content.toString('utf8')).toContain('LOCATION:Hall');
    });

    it('tells the delegates of each party, in their language, that an agreement was signed', async () => {
      const org = (await stack.http.post('/api/organisations', { name: { zh: '阿拉木图物流公司', en: 'Almaty Logistics', ru: 'Алматы Логистика' }, country: 'KZ', type: 'enterprise' }, { token: organiser })).body.id;
      const email = `party-${backend}@example.kz`;
      const signed = await stack.http.post(`/api/public/events/${p.slug}/registrations`, { ...signUpBody(email, 'ru'), organisationId: org });
      expect(signed.status).toBe(201);
      await stack.http.post(`/api/events/${p.eventId}/registrations/${signed.body.id}/approve`, undefined, { token: organiser });
      const url = (path = '') => `/api/events/${p.eventId}/outcomes${path}`;
      const created = await stack.http.post(
        url(),
        {
          kind: 'agreement',
          agreementType: 'strategic_cooperation',
          title: { zh: '物流合作协议', en: 'Logistics cooperation agreement', ru: 'Соглашение о сотрудничестве в логистике' },
          occurredAt: at('2025-07-18', '11:55'),
          parties: [
            { organisationId: org, role: 'party' },
            { organisationId: p.organisation, role: 'party' },
          ],
          people: [
            { personId: p.people[0], role: 'signatory', forOrganisationId: org, protocolOrder: 1 },
            { personId: p.people[1], role: 'signatory', forOrganisationId: p.organisation, protocolOrder: 2 },
          ],
        },
        { token: organiser },
      );
      expect(created.status).toBe(201);
      const ready = await stack.http.post(url(`/${created.body.id}/ready`), {}, { token: organiser });
      expect([ready.status, ready.body.code]).toEqual([200, undefined]);
      expect((await stack.http.post(url(`/${created.body.id}/sign`), { signedAt: at('2025-07-18', '11:58') }, { token: organiser })).status).toBeLessThan(300);
      const mail = await eventually(async () => mailTo(email).find((m) => (m.text ?? '').includes('Соглашение о сотрудничестве в логистике')), 20_000, 'the signing message');
      expect(mail.text).toContain('Алматы Логистика');
      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'agreement-signed' AND recipient_email = $1`, [email]);
      expect(rows[0].n).toBe(1);
    });

    it('waits, without spending an attempt, while another sender holds a message, then sends it once', async () => {
      await stack.stopWorker();
      const email = `held-${backend}@example.org`;
      const recorder = stack.api!.get(NotificationRecorder, { strict: false });
      const { notificationId } = await stack.api!.get(DataSource).transaction((manager) =>
        recorder.record(manager, { kind: 'welcome', triggerKey: `test:${email}`, recipientUserId: null, recipientEmail: email, language: 'en', values: { displayName: 'Held', loginUrl: 'http://example.org' } }),
      );
      // Another sender's transaction holds the row.
      const holder = await stack.db.pool.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM notification WHERE id = $1 FOR UPDATE`, [notificationId]);
        await stack.startWorker();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(mailTo(email)).toHaveLength(0);
        await holder.query('COMMIT');
      } finally {
        holder.release();
      }
      await waitForMail(email, 1, 'the held message');
      // The server accepts the message a moment before the sender's transaction marks it sent.
      const row = await eventually(async () => {
        const { rows } = await stack.db.pool.query(`SELECT status, attempts FROM notification WHERE id = $1`, [notificationId]);
        return rows[0].status === 'queued' ? undefined : rows[0];
      }, 10_000, 'the row marked');
      expect(row).toEqual({ status: 'sent', attempts: 1 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mailTo(email)).toHaveLength(1);
    });
  });
}

/** Without SMTP_URL (the embedded default), messages are written as .eml files and listed for admins. */
export function describeMailFiles(): void {
  describe('Mail written to files when no SMTP server is configured', () => {
    let stack: TestStack;

    beforeAll(async () => {
      stack = await (await TestStack.create()).startApi();
      await stack.startWorker();
    });
    afterAll(() => stack.close());

    it('writes the welcome of the first admin as an .eml file under DATA_DIR/mail, listed at /api/admin/mail', async () => {
      const token = await stack.loginAsAdmin();
      const folder = join(stack.config.dataDir, 'mail');
      const files = await eventually(async () => {
        const list = (() => {
          try {
            return readdirSync(folder).filter((f) => f.endsWith('.eml'));
          } catch {
            return [];
          }
        })();
        return list.length ? list : undefined;
      }, 20_000, 'an .eml file');
      const eml = readFileSync(join(folder, files[0]), 'utf8');
      expect(eml).toMatch(/^Message-ID: <[0-9a-f-]{36}@sco-backoffice>/m);
      expect(eml).toContain('Content-Type: multipart/alternative');
      const listed = await stack.http.get('/api/admin/mail', { token });
      expect(listed.body.items.map((f: { file: string }) => f.file)).toContain(files[0]);
      // Each copy says who it went to, what its subject was (decoded) and when it was written.
      const copy = listed.body.items.find((f: { file: string }) => f.file === files[0]);
      expect(copy.to).toContain(stack.config.adminEmail);
      expect(copy.subject.length).toBeGreaterThan(3);
      expect(copy.subject).not.toMatch(/=\?utf-8\?/i);
      expect(Date.parse(copy.writtenAt)).not.toBeNaN();
      const message = await stack.http.get(`/api/notifications?recipient=${encodeURIComponent(copy.to.replace(/.*</, '').replace(/>.*/, ''))}`, { token });
      expect(message.body.items.map((n: { id: string }) => n.id)).toEqual([copy.notificationId]);
    });

    it('erases the written copies of an erased delegate\'s messages, and finds messages by recipient', async () => {
      const token = await stack.loginAsAdmin();
      const p = await buildProgramme(stack.http, token);
      await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'approval' }, { token });
      const folder = join(stack.config.dataDir, 'mail');
      const copiesMentioning = (text: string) => readdirSync(folder).filter((f) => f.endsWith('.eml') && readFileSync(join(folder, f), 'utf8').includes(text));
      const keep = 'keep-me@example.kz';
      const gone = 'Erase-Me@example.kz';
      for (const email of [keep, gone]) expect((await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpBody(email, 'ru'))).status).toBe(201);
      await eventually(async () => copiesMentioning(gone.toLowerCase()).length + copiesMentioning(gone).length >= 2 && copiesMentioning(keep).length >= 2, 20_000, 'the copies of both');

      // By address (whatever its case) or by account: only that person's messages.
      const byAddress = await stack.http.get(`/api/notifications?recipient=${encodeURIComponent(gone.toUpperCase())}`, { token });
      expect(byAddress.status).toBe(200);
      expect(byAddress.body.total).toBe(2);
      const { rows: [account] } = await stack.db.pool.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [gone]);
      const byAccount = await stack.http.get(`/api/notifications?recipient=${account.id}`, { token });
      expect(byAccount.body.items.map((n: { id: string }) => n.id).sort()).toEqual(byAddress.body.items.map((n: { id: string }) => n.id).sort());
      expect((await stack.http.get(`/api/notifications?recipient=${'x'.repeat(400)}`, { token })).status).toBe(400);

      const delegate = await stack.http.login(gone, 'delegate password 12');
      const [mine] = (await stack.http.get('/api/me/registrations', { token: delegate })).body.items;
      expect((await stack.http.request('DELETE', `/api/me/registrations/${mine.id}`, undefined, { token: delegate })).status).toBe(204);
      await eventually(async () => copiesMentioning(gone.toLowerCase()).length + copiesMentioning(gone).length === 0, 20_000, 'the erased copies gone');
      // The other delegate's copies stay, and the list no longer shows the erased ones.
      expect(copiesMentioning(keep).length).toBeGreaterThanOrEqual(2);
      const listed = await stack.http.get('/api/admin/mail?pageSize=100', { token });
      expect(JSON.stringify(listed.body.items).toLowerCase()).not.toContain(gone.toLowerCase());
    });
  });
}
