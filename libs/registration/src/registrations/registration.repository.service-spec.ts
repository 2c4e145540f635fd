import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { anonymiseRegistration, insertEvent, insertRegistration } from '#testing/service-rows.js';
import { RegistrationRepository } from './registration.repository.js';

describe(RegistrationRepository.name, () => {
  let context: ServiceContext;
  let registrations: RegistrationRepository;
  let eventId: string;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [RegistrationRepository] });
    registrations = context.get(RegistrationRepository);
    eventId = (await insertEvent(context.db.pool)).id;
  });
  afterAll(() => context?.close());

  it('finds the user\'s own standing registration and holds it locked until the transaction ends', async () => {
    const mine = await insertRegistration(context.db.pool, eventId);
    await context.transaction(async (manager) => {
      expect(await registrations.lockStanding(manager, mine.id, mine.userId)).toBe(true);
      // Another transaction cannot change the row meanwhile (an erasure would wait): NOWAIT answers at once.
      await expect(context.db.pool.query(`SELECT 1 FROM registration WHERE id = $1 FOR UPDATE NOWAIT`, [mine.id])).rejects.toThrow(/could not obtain lock/);
    });
    await context.transaction(async (manager) => {
      expect(await registrations.lockStanding(manager, mine.id, randomUUID())).toBe(false);
      expect(await registrations.lockStanding(manager, randomUUID(), mine.userId)).toBe(false);
    });
    const erased = await insertRegistration(context.db.pool, eventId);
    await anonymiseRegistration(context.db.pool, erased.id);
    expect(await context.transaction((manager) => registrations.lockStanding(manager, erased.id, erased.userId))).toBe(false);
  });

  it('gives the owner of a personal agenda, whatever the status, and nothing once anonymised', async () => {
    const pending = await insertRegistration(context.db.pool, eventId, { status: 'pending', nameNative: 'Пётр' });
    expect(await registrations.agendaOwner(pending.id)).toEqual({
      id: pending.id,
      eventId,
      userId: pending.userId,
      status: 'pending',
      preferredLanguage: 'ru',
      nameNative: 'Пётр',
    });
    await anonymiseRegistration(context.db.pool, pending.id);
    expect(await registrations.agendaOwner(pending.id)).toBeUndefined();
    expect(await registrations.agendaOwner(randomUUID())).toBeUndefined();
  });
});
