import { randomUUID } from 'node:crypto';
import { AuditModule } from '#core/audit/audit.module.js';
import { ErasureModule } from '#core/erasure/erasure-hooks.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { ServiceContext } from '#testing/service-context.js';
import { IdentityModule } from '../identity.module.js';
import { IdentitySeedRepository } from './identity-seed.repository.js';

describe(IdentitySeedRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, ErasureModule, OutboxModule, IdentityModule] });
  });
  afterAll(() => context?.close());

  it('adds a delegate account without a usable password, once per id and per email', async () => {
    const seeds = context.get(IdentitySeedRepository);
    const account = { id: randomUUID(), email: 'aigerim@example.kz', displayName: 'Айгерим', preferredLanguage: 'ru' as const };
    expect(await context.transaction((manager) => seeds.addDelegateAccount(manager, account))).toBe(true);
    expect(await context.transaction((manager) => seeds.addDelegateAccount(manager, account))).toBe(false);
    expect(await context.transaction((manager) => seeds.addDelegateAccount(manager, { ...account, id: randomUUID() }))).toBe(false);
    const { rows } = await context.db.pool.query(`SELECT id, role, display_name, preferred_language, password_hash FROM app_user WHERE email = $1`, [account.email]);
    expect(rows).toEqual([{ id: account.id, role: 'delegate', display_name: 'Айгерим', preferred_language: 'ru', password_hash: '!' }]);
  });
});
