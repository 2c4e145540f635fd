import { randomBytes } from 'node:crypto';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureHooks, ErasureModule } from '#core/erasure/erasure-hooks.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertRegistration, insertUser } from '#testing/edition-rows.js';
import { AgendaModule } from '../agenda.module.js';

describe('agenda erasure', () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [ErasureModule, AuditModule, OutboxModule, AgendaModule] });
  });
  afterAll(() => context?.close());

  const held = async (registrationId: string) =>
    (
      await context.db.pool.query(
        `SELECT (SELECT count(*) FROM personal_agenda WHERE registration_id = $1)::int AS agendas,
                (SELECT count(*) FROM calendar_feed WHERE registration_id = $1)::int AS feeds`,
        [registrationId],
      )
    ).rows[0];

  it('registers with ErasureHooks and deletes only the erased registration\'s agendas and feed, in the eraser\'s transaction', async () => {
    expect(context.get(ErasureHooks).participants().registration).toContain('agenda');
    const eventId = await insertEvent(context.db.pool);
    const [erased, kept] = [
      await insertRegistration(context.db.pool, eventId, await insertUser(context.db.pool)),
      await insertRegistration(context.db.pool, eventId, await insertUser(context.db.pool)),
    ];
    for (const id of [erased, kept]) {
      await context.db.pool.query(`INSERT INTO personal_agenda (registration_id, language, format, fingerprint, content) VALUES ($1, 'en', 'pdf', 'f', '\\x00')`, [id]);
      await context.db.pool.query(`INSERT INTO calendar_feed (registration_id, token_hash) VALUES ($1, $2)`, [id, randomBytes(32)]);
    }

    // Rolled back with the eraser: nothing goes.
    await expect(
      context.transaction(async (manager) => {
        await context.get(ErasureHooks).eraseRegistration(manager, erased);
        throw new Error('the erasure failed');
      }),
    ).rejects.toThrow('the erasure failed');
    expect(await held(erased)).toEqual({ agendas: 1, feeds: 1 });

    await context.transaction((manager) => context.get(ErasureHooks).eraseRegistration(manager, erased));
    expect(await held(erased)).toEqual({ agendas: 0, feeds: 0 });
    expect(await held(kept)).toEqual({ agendas: 1, feeds: 1 });
    // Idempotent: a repeated erasure finds nothing and fails on nothing.
    await context.transaction((manager) => context.get(ErasureHooks).eraseRegistration(manager, erased));
  });
});
