import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { OrganisationType } from '../programme-vocabulary.js';

/** An organisation as a list of parties names it. */
export interface OrganisationNameRow {
  id: string;
  name: Trilingual;
  country: string;
}

/** A new directory entry as another domain describes it (a delegate's own organisation, an invited guest's). */
export interface NewOrganisation {
  name: Trilingual;
  country: string;
  type: OrganisationType;
}

/** The organisation directory as other domains may read and extend it. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The names of these organisations, by id, in one query (badges, exports). */
  async namesOf(organisationIds: readonly (string | null)[]): Promise<Map<string, Trilingual>> {
    const ids = [...new Set(organisationIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      name: Trilingual;
    }[];
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Adds an organisation in the caller's transaction; its id. */
  async create(manager: EntityManager, organisation: NewOrganisation): Promise<string> {
    const [row] = (await manager.query(`INSERT INTO organisation (name, country, type) VALUES ($1, $2, $3) RETURNING id`, [
      organisation.name,
      organisation.country,
      organisation.type,
    ])) as { id: string }[];
    return row.id;
  }

  /**
   * The oldest organisation of the country with this name in any of its languages (ignoring case and outer
   * spaces), else `created` added. An advisory lock on country and name makes two callers naming one new
   * organisation at once find one rather than create two; it is held to the end of the caller's transaction.
   */
  async findOrCreateByName(manager: EntityManager, country: string, name: string, created: NewOrganisation): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('organisation:' || $1 || ':' || lower($2), 0))`, [country, name]);
    const [found] = (await manager.query(
      `SELECT o.id FROM organisation o
        WHERE o.country = $1 AND EXISTS (SELECT 1 FROM jsonb_each_text(o.name) n WHERE lower(btrim(n.value)) = lower($2))
        ORDER BY o.created_at, o.id LIMIT 1`,
      [country, name],
    )) as { id: string }[];
    return found ? found.id : this.create(manager, created);
  }

  // Outcomes: the names and countries of these organisations, in the caller's transaction (or pass dataSource.manager).
  async namesAndCountriesOf(manager: EntityManager, organisationIds: readonly string[]): Promise<OrganisationNameRow[]> {
    if (organisationIds.length === 0) return [];
    return (await manager.query(`SELECT id, name, country FROM organisation WHERE id = ANY($1::uuid[])`, [organisationIds])) as OrganisationNameRow[];
  }
}
