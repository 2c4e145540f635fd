import { randomBytes, randomUUID } from 'node:crypto';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { IdentitySeedRepository } from '#identity/index.js';
import { ProgrammeModule, ProgrammeSeedRepository } from '#programme/index.js';
import { ServiceContext } from '#testing/service-context.js';
import { smallEdition } from '#testing/small-edition.js';
import { RegistrationModule } from '../registration.module.js';
import { RegistrationSeedRepository } from './registration-seed.repository.js';

describe(RegistrationSeedRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, ErasureModule, OutboxModule, ProgrammeModule, RegistrationModule] });
  });
  afterAll(() => context?.close());

  it('writes an approved registration heading its delegation, with a seat and a check-in list, in one transaction', async () => {
    const seeds = context.get(RegistrationSeedRepository);
    const registrationId = randomUUID();
    const listId = randomUUID();
    const edition = await context.transaction(async (manager) => {
      const edition = await smallEdition(manager, context.get(ProgrammeSeedRepository));
      const userId = randomUUID();
      await context.get(IdentitySeedRepository).addDelegateAccount(manager, { id: userId, email: `${userId}@example.kz`, displayName: 'Нурлан', preferredLanguage: 'ru' });
      const delegationId = await seeds.delegationNamed(manager, edition.eventId, 'Kazakhstan', 'KZ');
      expect(await seeds.delegationNamed(manager, edition.eventId, 'Kazakhstan', 'KZ')).toBe(delegationId);
      await seeds.addApprovedRegistration(manager, {
        id: registrationId, eventId: edition.eventId, userId, nameNative: 'Нурлан', nameLatin: 'Nurlan', country: 'KZ',
        organisationId: edition.organisationId, position: 'Director', category: 'business', delegationId, preferredLanguage: 'ru',
        dietaryNeeds: null, interpretationNeeds: ['ru'], arrivalDate: '2025-07-17', departureDate: '2025-07-19', listedConsent: true,
        badgeToken: randomBytes(24).toString('base64url'),
      });
      await seeds.headIfNone(manager, delegationId, registrationId);
      await seeds.addEnrolment(manager, edition.sessionId, registrationId, 'enrolled');
      await seeds.addCheckInList(manager, listId, edition.eventId, { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' });
      await seeds.addCheckInList(manager, listId, edition.eventId, { en: 'Ignored: the list is there' });
      return edition;
    });
    const { rows } = await context.db.pool.query(
      `SELECT r.status, r.consent_version, d.name AS delegation, d.head_registration_id = r.id AS heads, e.status AS seat,
              (SELECT name->>'en' FROM check_in_list WHERE id = $2) AS list
         FROM registration r JOIN delegation d ON d.id = r.delegation_id JOIN enrolment e ON e.registration_id = r.id
        WHERE r.id = $1 AND r.event_id = $3`,
      [registrationId, listId, edition.eventId],
    );
    expect(rows).toEqual([{ status: 'approved', consent_version: '1', delegation: 'Kazakhstan', heads: true, seat: 'enrolled', list: 'Main entrance' }]);
  });
});
