import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertPerson } from '#testing/service-rows.js';
import { PersonRepository } from './person.repository.js';

describe(PersonRepository.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [PersonRepository] });
  });
  afterAll(() => context?.close());

  it('names a set of people in their scripts, with their positions', async () => {
    const wang = await insertPerson(context.db.pool, { nameNative: '王明', nameLatin: 'Wang Ming', nameCyrillic: 'Ван Мин', position: 'Director General' });
    const smith = await insertPerson(context.db.pool, { nameNative: 'Anna Smith', nameLatin: 'Anna Smith' });
    const rows = await context.get(PersonRepository).namesOf(context.dataSource.manager, [wang, smith, randomUUID()]);
    expect(rows.sort((a, b) => a.nameLatin.localeCompare(b.nameLatin))).toEqual([
      { id: smith, nameNative: 'Anna Smith', nameLatin: 'Anna Smith', nameCyrillic: null, position: null },
      { id: wang, nameNative: '王明', nameLatin: 'Wang Ming', nameCyrillic: 'Ван Мин', position: expect.objectContaining({ en: 'Director General' }) },
    ]);
    expect(await context.get(PersonRepository).namesOf(context.dataSource.manager, [])).toEqual([]);
  });
});
