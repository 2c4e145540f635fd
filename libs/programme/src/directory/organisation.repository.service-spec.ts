import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertOrganisation } from '#testing/service-rows.js';
import { OrganisationRepository } from './organisation.repository.js';

describe(OrganisationRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [OrganisationRepository] });
  });
  afterAll(() => context?.close());

  it('names a set of organisations with their countries, in the caller\'s transaction', async () => {
    const port = await insertOrganisation(context.db.pool, 'Qingdao Port', 'CN');
    const railway = await insertOrganisation(context.db.pool, 'Kazakh Railways', 'KZ');
    const organisations = context.get(OrganisationRepository);
    const rows = await organisations.namesAndCountriesOf(context.dataSource.manager, [port, railway, randomUUID()]);
    expect(rows.sort((a, b) => a.country.localeCompare(b.country))).toEqual([
      { id: port, name: expect.objectContaining({ en: 'Qingdao Port' }), country: 'CN' },
      { id: railway, name: expect.objectContaining({ en: 'Kazakh Railways' }), country: 'KZ' },
    ]);
    await expect(
      context.transaction(async (manager) => {
        await manager.query(`UPDATE organisation SET country = 'UZ' WHERE id = $1`, [railway]);
        expect((await organisations.namesAndCountriesOf(manager, [railway]))[0].country).toBe('UZ');
        expect((await organisations.namesAndCountriesOf(context.dataSource.manager, [railway]))[0].country).toBe('KZ');
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect((await organisations.namesAndCountriesOf(context.dataSource.manager, [railway]))[0].country).toBe('KZ');
    expect(await organisations.namesAndCountriesOf(context.dataSource.manager, [])).toEqual([]);
  });
});
