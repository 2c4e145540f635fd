import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertIfAbsent } from '#core/database/insert-if-absent.js';
import type { ConferenceEvent } from '../events/event.entity.js';

/** The programme's tables a seed may fill row by row (the demo library names them only through this type). */
export type ProgrammeSeedTable = 'organisation' | 'person' | 'event' | 'venue' | 'room' | 'track' | 'session' | 'session_host' | 'session_role';

/**
 * Writes for seeders (libs/demo): raw, idempotent rows with ids chosen by the seed, in the seeder's transaction.
 * The programme's own services validate and audit each change; a seed loads a known-good document at once.
 */
@Injectable()
export class ProgrammeSeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the database holds no edition at all (npm start seeds only then). */
  async hasNoEvents(): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT NOT EXISTS (SELECT 1 FROM event) AS empty`)) as { empty: boolean }[];
    return row.empty;
  }

  /** Inserts the row unless it is there (by id, or by `conflict`); 1 when added. */
  insertIfAbsent(manager: EntityManager, table: ProgrammeSeedTable, row: Record<string, unknown>, conflict = '(id)'): Promise<number> {
    return insertIfAbsent(manager, table, row, conflict);
  }

  /** The number of the edition's latest release, or null before the first. */
  async latestReleaseNumber(eventId: string): Promise<number | null> {
    const [latest] = (await this.dataSource.query(`SELECT max(number) AS number FROM schedule_release WHERE event_id = $1`, [eventId])) as {
      number: number | null;
    }[];
    return latest.number;
  }

  /** Takes one seat of the session through the same counter the API uses; false when it is full. */
  async takeSeat(manager: EntityManager, sessionId: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = (await manager.query(
      `UPDATE session s SET seats_taken = seats_taken + 1 FROM room r
        WHERE s.id = $1 AND r.id = s.room_id AND s.seats_taken < coalesce(s.capacity, r.capacity)`,
      [sessionId],
    )) as [unknown[], number];
    return affected > 0;
  }

  /** Sets how the edition takes registrations (the demo asks organisers to approve). */
  async setRegistrationMode(manager: EntityManager, eventId: string, mode: ConferenceEvent['registrationMode']): Promise<void> {
    await manager.query(`UPDATE event SET registration_mode = $2 WHERE id = $1`, [eventId, mode]);
  }
}
