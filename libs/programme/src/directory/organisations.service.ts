import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { likePattern } from '#core/database/like-pattern.js';
import { Organisation } from './organisation.entity.js';
import {
  type CreateOrganisationDto,
  type ListOrganisationsQueryDto,
  type OrganisationDto,
  toOrganisationDto,
  type UpdateOrganisationDto,
} from './organisation.dto.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = toOrganisationDto(await manager.save(manager.create(Organisation, dto)));
      await this.audit.record(manager, caller, { action: 'organisation.created', entity: 'organisation', entityId: organisation.id, after: organisation });
      return organisation;
    });
  }

  async update(caller: Caller, id: string, dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    rejectNulls(dto, ['name', 'country', 'type']);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new NotFoundError('Organisation', { id });
      const before = toOrganisationDto(organisation);
      const after = toOrganisationDto(await manager.save(Object.assign(organisation, dto)));
      await this.audit.record(manager, caller, { action: 'organisation.updated', entity: 'organisation', entityId: id, before, after });
      return after;
    });
  }

  async get(id: string): Promise<OrganisationDto> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw new NotFoundError('Organisation', { id });
    return toOrganisationDto(organisation);
  }

  async list(query: ListOrganisationsQueryDto): Promise<Page<OrganisationDto>> {
    const builder = this.dataSource.getRepository(Organisation).createQueryBuilder('o');
    if (query.q) builder.andWhere('o.name::text ILIKE :like', { like: likePattern(query.q) });
    if (query.country) builder.andWhere('o.country = :country', { country: query.country });
    if (query.type) builder.andWhere('o.type = :type', { type: query.type });
    const [rows, total] = await builder.orderBy("o.name->>'en'", 'ASC').addOrderBy('o.id').skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    return toPage(rows, total, query, toOrganisationDto);
  }
}
