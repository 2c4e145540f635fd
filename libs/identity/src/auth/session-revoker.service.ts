import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

@Injectable()
export class SessionRevoker {
  async revokeAllOf(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    )) as [unknown, number];
    return affected > 0;
  }
}
