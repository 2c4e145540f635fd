import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { OrganisationRepository } from './organisation.repository.js';

describe(OrganisationRepository.name, () => {
  let context: ServiceContext;
  let organisations: OrganisationRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [OrganisationRepository] });
    organisations = context.get(OrganisationRepository);
  });
  afterAll(() => context?.close());

  it('creates an organisation in the caller\'s transaction, and names many at once', async () => {
    const id = await context.transaction((manager) => organisations.create(manager, { name: { ru: 'Минэкономразвития' }, country: 'RU', type: 'government_body' }));
    const names = await organisations.namesOf([id, null, id, randomUUID()]);
    expect([...names.entries()]).toEqual([[id, { ru: 'Минэкономразвития' }]]);
    expect(await organisations.namesOf([null])).toEqual(new Map());
  });

  it('rolls the new organisation back with the caller', async () => {
    let id = '';
    await expect(
      context.transaction(async (manager) => {
        id = await organisations.create(manager, { name: { en: 'Gone' }, country: 'KZ', type: 'enterprise' });
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    expect((await organisations.namesOf([id])).size).toBe(0);
  });

  it('finds an organisation by name in any language and case within its country, else creates one once', async () => {
    const existing = await context.transaction((manager) =>
      organisations.create(manager, { name: { en: 'Silk Road Fund', zh: '丝路基金' }, country: 'CN', type: 'enterprise' }),
    );
    const again = await context.transaction((manager) => organisations.findOrCreateByName(manager, 'CN', 'silk road fund', { name: { zh: 'x' }, country: 'CN', type: 'enterprise' }));
    expect(again).toBe(existing);
    expect(await context.transaction((manager) => organisations.findOrCreateByName(manager, 'CN', '丝路基金', { name: { zh: 'x' }, country: 'CN', type: 'enterprise' }))).toBe(existing);

    // Two callers naming one new organisation at once find one, not two (the advisory lock).
    const created = { name: { en: 'Caspian Ports' }, country: 'AZ', type: 'enterprise' } as const;
    const [a, b] = await Promise.all([
      context.transaction((manager) => organisations.findOrCreateByName(manager, 'AZ', 'Caspian Ports', created)),
      context.transaction((manager) => organisations.findOrCreateByName(manager, 'AZ', 'caspian ports', created)),
    ]);
    expect(a).toBe(b);
    expect((await context.db.pool.query(`SELECT count(*)::int AS n FROM organisation WHERE country = 'AZ'`)).rows).toEqual([{ n: 1 }]);
    // Another country's organisation of that name is another organisation.
    expect(await context.transaction((manager) => organisations.findOrCreateByName(manager, 'KZ', 'Silk Road Fund', { name: { en: 'Silk Road Fund' }, country: 'KZ', type: 'enterprise' }))).not.toBe(existing);
  });
});
