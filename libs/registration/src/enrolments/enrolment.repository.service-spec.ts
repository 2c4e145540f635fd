import { ServiceContext } from '#testing/service-context.js';
import { insertEnrolment, insertEvent, insertRegistration, insertSession } from '#testing/service-rows.js';
import { EnrolmentRepository } from './enrolment.repository.js';

describe(EnrolmentRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [EnrolmentRepository] });
  });
  afterAll(() => context?.close());

  it('lists a registration\'s seats and cancelled seats by session id, leaving out waiting places and other delegates', async () => {
    const { pool } = context.db;
    const event = await insertEvent(pool);
    const sessions: string[] = [];
    for (let hour = 2; hour <= 6; hour++) sessions.push(await insertSession(pool, event.id, { startsAt: `2025-07-18T0${hour}:00:00Z` }));
    const [a, b, c, d, e] = sessions;
    const mine = await insertRegistration(pool, event.id);
    const other = await insertRegistration(pool, event.id);
    await insertEnrolment(pool, mine.id, a);
    await insertEnrolment(pool, mine.id, b);
    await insertEnrolment(pool, mine.id, c, 'waitlisted');
    await insertEnrolment(pool, mine.id, d, 'cancelled');
    // Cancelled twice (taken again, given up again): listed once.
    await insertEnrolment(pool, mine.id, e, 'cancelled');
    await insertEnrolment(pool, mine.id, e, 'cancelled');
    await insertEnrolment(pool, other.id, c);

    const seats = await context.get(EnrolmentRepository).seatsOf(mine.id);
    expect(seats).toEqual({ enrolled: [a, b].sort(), cancelled: [d, e].sort() });
    expect(await context.get(EnrolmentRepository).seatsOf((await insertRegistration(pool, event.id)).id)).toEqual({ enrolled: [], cancelled: [] });
  });
});
