import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertUser } from '#testing/edition-rows.js';
import { UserRepository } from './user.repository.js';

describe(UserRepository.name, () => {
  let context: ServiceContext;
  let users: UserRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [UserRepository] });
    users = context.get(UserRepository);
  });
  afterAll(() => context?.close());

  it('reads an account\'s email and role in the caller\'s transaction', async () => {
    const id = await insertUser(context.db.pool, { role: 'organiser', email: 'probe.organiser@example.test' });
    await context.transaction(async (manager) => {
      expect(await users.emailOf(manager, id)).toBe('probe.organiser@example.test');
      expect(await users.roleOf(manager, id)).toBe('organiser');
      expect(await users.emailOf(manager, randomUUID())).toBeUndefined();
      expect(await users.roleOf(manager, randomUUID())).toBeUndefined();
    });
  });

  it('keeps the account\'s language in step, and not at all when the caller rolls back', async () => {
    const id = await insertUser(context.db.pool);
    await context.transaction((manager) => users.setPreferredLanguage(manager, id, 'ru'));
    await expect(
      context.transaction(async (manager) => {
        await users.setPreferredLanguage(manager, id, 'en');
        throw new Error('the registration change failed');
      }),
    ).rejects.toThrow('the registration change failed');
    expect((await context.db.pool.query(`SELECT preferred_language FROM app_user WHERE id = $1`, [id])).rows).toEqual([{ preferred_language: 'ru' }]);
  });
});
