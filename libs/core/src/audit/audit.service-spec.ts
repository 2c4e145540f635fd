import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { AuditModule } from './audit.module.js';
import { AuditService } from './audit.service.js';

describe(AuditService.name, () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule] });
  });
  afterAll(() => context?.close());

  const caller = { userId: '', role: 'admin', requestId: 'req-1' } as never;
  const rows = async (entityId: string) =>
    (await context.db.pool.query(`SELECT action, entity, before, after, request_id FROM audit_log WHERE entity_id = $1`, [entityId])).rows;

  it('writes its entry with the change, and not at all when the change rolls back', async () => {
    const kept = randomUUID();
    await context.transaction((manager) => context.get(AuditService).record(manager, caller, { action: 'room.update', entity: 'room', entityId: kept, before: { capacity: 10 }, after: { capacity: 12 } }));
    expect(await rows(kept)).toEqual([{ action: 'room.update', entity: 'room', before: { capacity: 10 }, after: { capacity: 12 }, request_id: 'req-1' }]);

    const undone = randomUUID();
    await expect(
      context.transaction(async (manager) => {
        await context.get(AuditService).record(manager, caller, { action: 'room.update', entity: 'room', entityId: undone });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows(undone)).toEqual([]);
  });

  it('lists entries newest first, filtered and paged', async () => {
    const entityId = randomUUID();
    for (const action of ['a.one', 'a.two', 'a.three'])
      await context.transaction((manager) => context.get(AuditService).record(manager, caller, { action, entity: 'probe', entityId }));
    const page = await context.get(AuditService).list({ entity: 'probe', entityId, page: 1, pageSize: 2 } as never);
    expect(page.total).toBe(3);
    expect(page.items.map((entry) => entry.action)).toEqual(['a.three', 'a.two']);
  });
});
