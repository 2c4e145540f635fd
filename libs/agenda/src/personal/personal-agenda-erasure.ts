import type { EntityManager } from 'typeorm';

/**
 * A registration's erasure, agenda's part: its own agendas (its name, its sessions) and its secret calendar URL
 * go with the rest. The registration row stays (anonymised), so the cascades on it do not fire; registration
 * calls this through ErasureHooks, in its transaction. Idempotent.
 */
export async function erasePersonalAgendas(manager: EntityManager, registrationId: string): Promise<void> {
  await manager.query(`DELETE FROM personal_agenda WHERE registration_id = $1`, [registrationId]);
  await manager.query(`DELETE FROM calendar_feed WHERE registration_id = $1`, [registrationId]);
}
