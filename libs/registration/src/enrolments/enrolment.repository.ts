import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The sessions a registration holds a seat in, and those whose seat was cancelled; each list ordered by session id. */
export interface SeatsRow {
  enrolled: string[];
  cancelled: string[];
}

/** Registration's enrolments (seats and waiting places), read by the other domains. Plain rows, never entities. */
@Injectable()
export class EnrolmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // Agenda: the session ids of a registration's seats, and of its cancelled ones (a waiting place is neither).
  async seatsOf(registrationId: string): Promise<SeatsRow> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(array_agg(session_id ORDER BY session_id) FILTER (WHERE status = 'enrolled'), '{}') AS enrolled,
              coalesce(array_agg(DISTINCT session_id ORDER BY session_id) FILTER (WHERE status = 'cancelled'), '{}') AS cancelled
         FROM enrolment WHERE registration_id = $1`,
      [registrationId],
    )) as SeatsRow[];
    return row;
  }
}
