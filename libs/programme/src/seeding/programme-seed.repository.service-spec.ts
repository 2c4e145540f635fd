import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { ServiceContext } from '#testing/service-context.js';
import { smallEdition } from '#testing/small-edition.js';
import { ProgrammeModule } from '../programme.module.js';
import { ProgrammeSeedRepository } from './programme-seed.repository.js';

describe(ProgrammeSeedRepository.name, () => {
  let context: ServiceContext;
  let seeds: ProgrammeSeedRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, ErasureModule, OutboxModule, ProgrammeModule] });
    seeds = context.get(ProgrammeSeedRepository);
  });
  afterAll(() => context?.close());

  it('adds a row once, by id or by the given key, and knows when the database had no edition', async () => {
    expect(await seeds.hasNoEvents()).toBe(true);
    const edition = await context.transaction((manager) => smallEdition(manager, seeds));
    expect(await seeds.hasNoEvents()).toBe(false);
    const organisation = { id: edition.organisationId, name: { en: 'Renamed' }, country: 'KZ', type: 'enterprise' };
    expect(await context.transaction((manager) => seeds.insertIfAbsent(manager, 'organisation', organisation))).toBe(0);
    const host = { session_id: edition.sessionId, organisation_id: edition.organisationId, position: 1 };
    expect(await context.transaction((manager) => seeds.insertIfAbsent(manager, 'session_host', host, '(session_id, organisation_id)'))).toBe(1);
    expect(await context.transaction((manager) => seeds.insertIfAbsent(manager, 'session_host', host, '(session_id, organisation_id)'))).toBe(0);
    const { rows } = await context.db.pool.query(`SELECT name->>'en' AS en, country FROM organisation WHERE id = $1`, [edition.organisationId]);
    expect(rows).toEqual([{ en: 'Committee', country: 'CN' }]);
  });

  it("takes seats through the session's counter until the room is full, and sets the registration mode", async () => {
    const edition = await context.transaction((manager) => smallEdition(manager, seeds, 2));
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push(await context.transaction((manager) => seeds.takeSeat(manager, edition.sessionId)));
    expect(taken).toEqual([true, true, false]);
    expect(await seeds.latestReleaseNumber(edition.eventId)).toBeNull();
    await context.transaction((manager) => seeds.setRegistrationMode(manager, edition.eventId, 'approval'));
    const { rows } = await context.db.pool.query(
      `SELECT s.seats_taken, e.registration_mode FROM session s JOIN event e ON e.id = s.event_id WHERE s.id = $1`,
      [edition.sessionId],
    );
    expect(rows).toEqual([{ seats_taken: 2, registration_mode: 'approval' }]);
  });
});
