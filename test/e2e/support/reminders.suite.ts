import { formatInstant } from '#messaging/notifications/format-instant.js';
import { mintDelegates } from '#testing/delegates.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture, sessionBody } from './programme-fixtures.js';
import { startSmtpSink, type SmtpSink } from '#testing/smtp-sink.js';

const LEAD_MINUTES = 60;
/** The day in Qingdao, `offset` days from today. */
const qingdaoDay = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * Session reminders are delayed jobs. The sessions here start an hour and a few seconds from now, so with a
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

    it('reminds each seat holder once, at the lead time; follows a moved session; drops a left seat and a cancelled session', async () => {
      const [stays, leaves, follows, cancelledOut] = await mintDelegates(stack, p.eventId, 4);
      const startIn = (seconds: number) => new Date(Math.ceil((Date.now() + LEAD_MINUTES * 60_000 + seconds * 1000) / 1000) * 1000);
      const create = async (roomId: string, startsAt: Date) => {
        const body = sessionBody({ roomId, capacity: 10, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() });
        const created = await stack.http.post(`/api/events/${p.eventId}/sessions`, body, { token: organiser });
        expect(created.status).toBe(201);
        return created.body.id as string;
      };
      const enrol = async (who: { registrationId: string; token: string }, sessionId: string) => {
        const enrolled = await stack.http.post(`/api/me/registrations/${who.registrationId}/enrolments`, { sessionId }, { token: who.token });
        expect(enrolled.body.status).toBe('enrolled');
        return enrolled.body.id as string;
      };
      const firstStart = startIn(9);
      const movedFrom = startIn(11);
      const movedTo = startIn(17);
      const kept = await create(p.hall, firstStart);
      const moving = await create(p.small, movedFrom);
      const cancelling = await create(p.remote, firstStart);
      await enrol(stays, kept);
      const leaving = await enrol(leaves, kept);
      await enrol(follows, moving);
      await enrol(cancelledOut, cancelling);
      const publish = async (name: string) =>
        expect((await stack.http.post(`/api/events/${p.eventId}/releases`, { name: { zh: name, en: name, ru: name } }, { token: organiser })).status).toBe(201);
      await publish('Before');

      // Each seat's reminder waits in the queue: its outbox row carries the time it is due.
      const planned = await eventually(async () => {
        const { rows } = await stack.db.pool.query(
          `SELECT payload->>'enrolmentId' AS enrolment, deliver_at FROM outbox WHERE name = 'send-session-reminder'`,
        );
        return rows.length >= 4 ? rows : undefined;
      }, 10_000, 'four planned reminders');
      const due = planned.find((r) => r.enrolment === leaving)!.deliver_at as Date;
      expect(Math.abs(due.getTime() - (firstStart.getTime() - LEAD_MINUTES * 60_000))).toBeLessThan(1000);

      expect((await stack.http.request('DELETE', `/api/me/enrolments/${leaving}`, undefined, { token: leaves.token })).status).toBeLessThan(300);
      expect((await stack.http.patch(`/api/events/${p.eventId}/sessions/${cancelling}`, { status: 'cancelled' }, { token: organiser })).status).toBe(200);
      const moved = await stack.http.patch(
        `/api/events/${p.eventId}/sessions/${moving}`,
        { startsAt: movedTo.toISOString(), endsAt: new Date(movedTo.getTime() + 3_600_000).toISOString() },
        { token: organiser },
      );
      expect(moved.status).toBe(200);
      await publish('Moved');

      const reminders = () => smtp.messages.filter((m) => /Напоминание/.test(m.subject ?? ''));
      const mailsOf = (email: string) => reminders().filter((m) => JSON.stringify(m.to).includes(email));
      const emailOf = async (userId: string) => (await stack.db.pool.query(`SELECT email FROM app_user WHERE id = $1`, [userId])).rows[0].email as string;
      const [staysEmail, followsEmail] = [await emailOf(stays.userId), await emailOf(follows.userId)];

      const first = await eventually(async () => mailsOf(staysEmail)[0], 25_000, 'the reminder of the kept session');
      // Not before it was due (the first reminder falls due LEAD before the start).
      expect(first.receivedAt.getTime()).toBeGreaterThanOrEqual(firstStart.getTime() - LEAD_MINUTES * 60_000 - 250);
      expect(first.text).toContain(formatInstant(firstStart, 'Asia/Shanghai', 'ru'));

      const followed = await eventually(async () => mailsOf(followsEmail)[0], 25_000, 'the reminder of the moved session');
      expect(followed.receivedAt.getTime()).toBeGreaterThanOrEqual(movedTo.getTime() - LEAD_MINUTES * 60_000 - 250);
      expect(followed.text).toContain(formatInstant(movedTo, 'Asia/Shanghai', 'ru'));

      // Every job has fired by now (the last was due with the moved session); wait for stragglers a moment.
      await eventually(async () => {
        const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE name = 'send-session-reminder' AND deliver_at > now()`);
        return rows[0].n === 0;
      }, 10_000, 'no reminder still due');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // One reminder each for the two seats still held; none for the seat given up or the cancelled session.
      expect(reminders()).toHaveLength(2);
      expect(mailsOf(followsEmail)).toHaveLength(1);
      const { rows: recorded } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'session-reminder'`);
      expect(recorded[0].n).toBe(2);
    });
  });
}
