import { formatInstant, SessionReminders } from '#messaging/index.js';
import { mintDelegates } from '#testing/delegates.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture, sessionBody } from './programme-fixtures.js';
import { startSmtpSink, type SmtpSink } from '#testing/smtp-sink.js';

const LEAD_MINUTES = 60;
/** The day in Qingdao, `offset` days from today. */
const qingdaoDay = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Session reminders are delayed jobs. The sessions here start an hour and some seconds from now, so with a
 * lead of an hour their reminders fall due within the test: early enough to watch them fire, late enough to
 * change the plans before they do.
 */
export function describeReminders(backend: QueueBackend): void {
  describe(`Session reminders as delayed jobs on the ${backend} queue backend`, () => {
    let smtp: SmtpSink;
    let stack: TestStack;
    let organiser: string;
    let p: ProgrammeFixture;

    beforeAll(async () => {
      smtp = await startSmtpSink();
      stack = await TestStack.create({ backend, env: { SMTP_URL: smtp.url, REMINDER_LEAD_MINUTES: String(LEAD_MINUTES) } });
      await stack.startApi();
      await stack.startWorker();
      organiser = await stack.loginAsAdmin();
      p = await buildProgramme(stack.http, organiser, { first: qingdaoDay(-1), last: qingdaoDay(2) });
      await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published' }, { token: organiser });
    });
    afterAll(async () => {
      await stack?.close();
      await smtp?.close();
    });

    it('reminds each seat holder once at the lead time, follows a released move, ignores a draft one, drops a left seat and a cancelled session', async () => {
      const [stays, leaves, follows, cancelledOut] = await mintDelegates(stack, p.eventId, 4);
      const startIn = (seconds: number) => new Date(Math.ceil((Date.now() + LEAD_MINUTES * 60_000 + seconds * 1000) / 1000) * 1000);
      const body = (startsAt: Date) => ({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() });
      const create = async (roomId: string, startsAt: Date) => {
        const created = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId, capacity: 10, ...body(startsAt) }), { token: organiser });
        expect(created.status).toBe(201);
        return created.body.id as string;
      };
      const enrol = async (who: { registrationId: string; token: string }, sessionId: string) => {
        const enrolled = await stack.http.post(`/api/me/registrations/${who.registrationId}/enrolments`, { sessionId }, { token: who.token });
        expect(enrolled.body.status).toBe('enrolled');
        return enrolled.body.id as string;
      };
      const publish = async (name: string) =>
        expect((await stack.http.post(`/api/events/${p.eventId}/releases`, { name: { zh: name, en: name, ru: name } }, { token: organiser })).status).toBe(201);
      const plannedFor = async (enrolmentId: string) =>
        (await stack.db.pool.query(
          `SELECT payload->>'startsAt' AS starts_at, deliver_at FROM outbox WHERE name = 'send-session-reminder' AND payload->>'enrolmentId' = $1 ORDER BY id`,
          [enrolmentId],
        )).rows as { starts_at: string; deliver_at: Date }[];

      // Reminders due in about 25 s, and one session far later (its reminder 10 minutes away).
      const soon = startIn(25);
      const later = startIn(600);
      const kept = await create(p.hall, soon);
      const cancelling = await create(p.remote, soon);
      const moving = await create(p.small, later);
      await enrol(stays, kept);
      const leaving = await enrol(leaves, kept);
      const following = await enrol(follows, moving);
      await enrol(cancelledOut, cancelling);
      await publish('Before');

      // Each seat's reminder waits in the outbox until it is due.
      const first = await eventually(async () => (await plannedFor(leaving))[0], 10_000, 'the planned reminder');
      expect(first.deliver_at.getTime()).toBe(soon.getTime() - LEAD_MINUTES * 60_000);

      expect((await stack.http.request('DELETE', `/api/me/enrolments/${leaving}`, undefined, { token: leaves.token })).status).toBeLessThan(300);
      expect((await stack.http.patch(`/api/events/${p.eventId}/sessions/${cancelling}`, { status: 'cancelled' }, { token: organiser })).status).toBe(200);
      // A release moves the far session much earlier: its reminder is planned again for the new time.
      const movedTo = new Date(soon.getTime() + 3000);
      expect((await stack.http.patch(`/api/events/${p.eventId}/sessions/${moving}`, body(movedTo), { token: organiser })).status).toBe(200);
      await publish('Moved');
      await eventually(async () => (await plannedFor(following)).some((r) => r.starts_at === movedTo.toISOString()), 10_000, 'the re-planned reminder');
      // An organiser's draft move, not released: the reminder keeps the published time.
      expect((await stack.http.patch(`/api/events/${p.eventId}/sessions/${kept}`, body(startIn(7200)), { token: organiser })).status).toBe(200);

      const reminders = () => smtp.messages.filter((m) => /Напоминание/.test(m.subject ?? ''));
      const mailsOf = (email: string) => reminders().filter((m) => JSON.stringify(m.to).includes(email));
      const emailOf = async (userId: string) => (await stack.db.pool.query(`SELECT email FROM app_user WHERE id = $1`, [userId])).rows[0].email as string;
      const [staysEmail, followsEmail] = [await emailOf(stays.userId), await emailOf(follows.userId)];

      const keptMail = await eventually(async () => mailsOf(staysEmail)[0], 40_000, 'the reminder of the kept session');
      // Not before it was due.
      expect(keptMail.receivedAt.getTime()).toBeGreaterThanOrEqual(soon.getTime() - LEAD_MINUTES * 60_000 - 250);
      expect(keptMail.text).toContain(formatInstant(soon, 'Asia/Shanghai', 'ru'));
      const movedMail = await eventually(async () => mailsOf(followsEmail)[0], 40_000, 'the reminder of the moved session');
      expect(movedMail.receivedAt.getTime()).toBeGreaterThanOrEqual(movedTo.getTime() - LEAD_MINUTES * 60_000 - 250);
      expect(movedMail.text).toContain(formatInstant(movedTo, 'Asia/Shanghai', 'ru'));

      // The job planned for the old time, run now: it sees the published time differ and plans again, which
      // records nothing new (one trigger, one recipient, one message).
      const reminderJobs = stack.workerContext().get(SessionReminders);
      expect(await reminderJobs.fire(following, later.toISOString())).toBe('replanned');
      expect(await reminderJobs.fire(leaving, soon.toISOString())).toBe('dropped');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // One reminder each for the two seats still held; none for the seat given up or the cancelled session.
      expect(reminders()).toHaveLength(2);
      const { rows: recorded } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'session-reminder'`);
      expect(recorded[0].n).toBe(2);
    });
  });
}
