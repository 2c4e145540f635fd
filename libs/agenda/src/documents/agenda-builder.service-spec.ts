import { OutboxModule } from '#core/outbox/outbox.module.js';
import { JobName } from '#core/queue/queue-names.js';
import { ReleaseRepository } from '#programme/index.js';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertRelease } from '#testing/service-rows.js';
import { RenderPool } from '../render/render-pool.js';
import { AgendaBuilder } from './agenda-builder.service.js';

/** planMissing reads the latest releases from programme's repository and counts agenda's own documents beside them. */
describe(`${AgendaBuilder.name}.planMissing`, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [OutboxModule], providers: [AgendaBuilder, RenderPool, ReleaseRepository] });
  });
  afterAll(() => context?.close());

  const documents = async (releaseId: string, count: number) => {
    const all = ['zh', 'en', 'ru'].flatMap((language) => ['html', 'pdf', 'ics'].map((format) => [language, format]));
    for (const [language, format] of all.slice(0, count)) {
      await context.db.pool.query(
        `INSERT INTO agenda_document (release_id, language, format, content, sha256, build_ms) VALUES ($1, $2, $3, '\\x00', 'sha', 1)`,
        [releaseId, language, format],
      );
    }
  };

  it('plans the nine builds again for each latest release that lacks a document, and for no other release', async () => {
    const { pool } = context.db;
    const done = await insertEvent(pool);
    const superseded = await insertRelease(pool, done.id, 1);
    await documents(await insertRelease(pool, done.id, 2), 9);
    const partial = await insertEvent(pool);
    const incomplete = await insertRelease(pool, partial.id, 1);
    await documents(incomplete, 4);
    const fresh = await insertEvent(pool);
    const unbuilt = await insertRelease(pool, fresh.id, 1);
    await insertEvent(pool);

    expect(await context.get(AgendaBuilder).planMissing()).toBe(2);
    const planned = (await pool.query(`SELECT payload FROM outbox WHERE name = $1`, [JobName.BuildAgenda])).rows.map((row) => row.payload.releaseId as string);
    expect(planned.filter((id) => id === incomplete)).toHaveLength(9);
    expect(planned.filter((id) => id === unbuilt)).toHaveLength(9);
    expect(planned).not.toContain(superseded);
    expect(planned).toHaveLength(18);
  });
});
