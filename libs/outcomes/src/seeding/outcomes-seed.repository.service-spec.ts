import { randomUUID } from 'node:crypto';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { ProgrammeModule, ProgrammeSeedRepository } from '#programme/index.js';
import { ServiceContext } from '#testing/service-context.js';
import { smallEdition } from '#testing/small-edition.js';
import { OutcomesModule } from '../outcomes.module.js';
import { OutcomesSeedRepository } from './outcomes-seed.repository.js';

describe(OutcomesSeedRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, ErasureModule, OutboxModule, ProgrammeModule, OutcomesModule] });
  });
  afterAll(() => context?.close());

  it('adds a signed agreement once, with its party, signatory and areas, signed when it occurred', async () => {
    const seeds = context.get(OutcomesSeedRepository);
    const id = randomUUID();
    const edition = await context.transaction((manager) => smallEdition(manager, context.get(ProgrammeSeedRepository)));
    const outcome = {
      id, eventId: edition.eventId, kind: 'agreement' as const, title: { zh: '协议', en: 'Agreement', ru: 'Соглашение' }, summary: null, body: null,
      sessionId: edition.sessionId, occurredAt: '2025-07-18T10:30:00+08:00', status: 'signed' as const, agreementType: 'strategic_cooperation' as const, signingOrder: 1,
      valueAmount: '500000000.00', valueCurrency: 'CNY', valueConfidential: false, approved: true,
    };
    await context.transaction(async (manager) => {
      expect(await seeds.addOutcome(manager, outcome)).toBe(true);
      await seeds.addParty(manager, id, { organisationId: edition.organisationId, role: 'party', confidential: false, position: 1 });
      await seeds.addPerson(manager, id, { personId: edition.personId, role: 'signatory', forOrganisationId: edition.organisationId, protocolOrder: 1 });
      await seeds.addAreas(manager, id, ['logistics']);
      await seeds.addAreas(manager, id, []);
    });
    expect(await context.transaction((manager) => seeds.addOutcome(manager, { ...outcome, status: 'ready' }))).toBe(false);
    const { rows } = await context.db.pool.query(
      `SELECT o.status, o.signed_at = o.occurred_at AS signed_then, o.done_at, o.approved_at IS NOT NULL AS approved,
              (SELECT count(*)::int FROM outcome_party WHERE outcome_id = o.id) AS parties,
              (SELECT array_agg(role) FROM outcome_person WHERE outcome_id = o.id) AS people,
              (SELECT array_agg(area) FROM outcome_area WHERE outcome_id = o.id) AS areas
         FROM outcome o WHERE o.id = $1`,
      [id],
    );
    expect(rows).toEqual([{ status: 'signed', signed_then: true, done_at: null, approved: true, parties: 1, people: ['signatory'], areas: ['logistics'] }]);
  });
});
