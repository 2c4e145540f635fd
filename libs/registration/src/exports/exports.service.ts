import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { likePattern } from '#core/database/like-pattern.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { UsersService } from '#identity/index.js';
import { EventRepository, OrganisationRepository } from '#programme/index.js';
import type { ListRegistrationsQueryDto } from '../registrations/registration.dto.js';
import { type Column, writeCsv, writeXlsx } from '#core/exports/write-table.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer;
}

interface Row {
  id: string;
  user_id: string;
  status: string;
  name_native: string | null;
  name_latin: string | null;
  country: string | null;
  organisation: Trilingual | null;
  position: string | null;
  category: string;
  delegation: string | null;
  /** The head of the registration's delegation (Latin name, else native), and whether this registration is it. */
  delegation_head: string | null;
  is_delegation_head: boolean;
  preferred_language: string;
  phone: string | null;
  dietary_needs: string | null;
  accessibility_needs: string | null;
  interpretation_needs: string[];
  arrival_date: string | null;
  departure_date: string | null;
  listed_consent: boolean;
  created_at: Date;
}

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const organisationName = (r: Row) => (r.organisation ? (renderText(r.organisation, 'en')?.text ?? null) : null);

/**
 * Exports for organisers. Visa data is never exported. The participant list
 * (for publication) holds only delegates who consented to appear on it.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly events: EventRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  /** For organisers and admins only (the route's rule): with each delegate's email, for contacting the guests. */
  async registrations(eventId: string, query: ListRegistrationsQueryDto, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.rows(eventId, query, false);
    const emails = await this.users.emailsOf(rows.map((r) => r.user_id));
    const columns: Column<Row>[] = [
      { header: 'id', value: (r) => r.id },
      { header: 'status', value: (r) => r.status },
      { header: 'name_native', value: (r) => r.name_native },
      { header: 'name_latin', value: (r) => r.name_latin },
      { header: 'email', value: (r) => emails.get(r.user_id) ?? null },
      { header: 'country', value: (r) => r.country },
      { header: 'organisation', value: organisationName },
      { header: 'position', value: (r) => r.position },
      { header: 'category', value: (r) => r.category },
      { header: 'delegation', value: (r) => r.delegation },
      { header: 'delegation_head', value: (r) => r.delegation_head },
      { header: 'is_delegation_head', value: (r) => r.is_delegation_head },
      { header: 'language', value: (r) => r.preferred_language },
      { header: 'phone', value: (r) => r.phone },
      { header: 'dietary_needs', value: (r) => r.dietary_needs },
      { header: 'accessibility_needs', value: (r) => r.accessibility_needs },
      { header: 'interpretation_needs', value: (r) => r.interpretation_needs.join(' ') },
      { header: 'arrival', value: (r) => r.arrival_date },
      { header: 'departure', value: (r) => r.departure_date },
      { header: 'listed_consent', value: (r) => r.listed_consent },
      { header: 'registered_at', value: (r) => r.created_at.toISOString() },
    ];
    return this.file(columns, rows, format, 'registrations');
  }

  async participants(eventId: string, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.rows(eventId, { status: 'approved' } as ListRegistrationsQueryDto, true);
    const columns: Column<Row>[] = [
      { header: 'name_native', value: (r) => r.name_native },
      { header: 'name_latin', value: (r) => r.name_latin },
      { header: 'country', value: (r) => r.country },
      { header: 'organisation', value: organisationName },
      { header: 'position', value: (r) => r.position },
      { header: 'delegation', value: (r) => r.delegation },
    ];
    return this.file(columns, rows, format, 'participants');
  }

  private async rows(eventId: string, query: Partial<ListRegistrationsQueryDto>, listedOnly: boolean): Promise<Row[]> {
    if (!(await this.events.exists(this.dataSource.manager, eventId))) throw new NotFoundError('Event', { eventId });
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.user_id, r.status, r.name_native, r.name_latin, r.country, r.organisation_id, r.position, r.category,
              d.name AS delegation, coalesce(h.name_latin, h.name_native) AS delegation_head,
              coalesce(d.head_registration_id = r.id, false) AS is_delegation_head, r.preferred_language, r.phone, r.dietary_needs, r.accessibility_needs,
              r.interpretation_needs, to_char(r.arrival_date, 'YYYY-MM-DD') AS arrival_date,
              to_char(r.departure_date, 'YYYY-MM-DD') AS departure_date, r.listed_consent, r.created_at
         FROM registration r LEFT JOIN delegation d ON d.id = r.delegation_id
              LEFT JOIN registration h ON h.id = d.head_registration_id
        WHERE r.event_id = $1 AND r.anonymised_at IS NULL
          AND ($2::text IS NULL OR r.status = $2) AND ($3::text IS NULL OR r.category = $3) AND ($4::text IS NULL OR r.country = $4)
          AND (NOT $5 OR r.listed_consent)
          AND ($6::text IS NULL OR r.name_native ILIKE $6 OR r.name_latin ILIKE $6)
        ORDER BY r.country NULLS LAST, r.name_latin, r.id`,
      [eventId, query.status ?? null, query.category ?? null, query.country ?? null, listedOnly, query.q ? likePattern(query.q) : null],
    )) as (Omit<Row, 'organisation'> & { organisation_id: string | null })[];
    // The organisations' names from the directory (programme's), once for the whole export.
    const names = await this.organisations.namesOf(rows.map((r) => r.organisation_id));
    return rows.map(({ organisation_id, ...r }) => ({ ...r, organisation: organisation_id ? (names.get(organisation_id) ?? null) : null }));
  }

  private async file(columns: Column<Row>[], rows: Row[], format: ExportFormat, name: string): Promise<ExportFile> {
    const body = format === 'csv' ? writeCsv(columns, rows) : await writeXlsx(columns, rows, name);
    return { contentType: TYPES[format], filename: `${name}.${format}`, body };
  }
}
