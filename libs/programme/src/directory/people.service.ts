import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { likePattern } from '#core/database/like-pattern.js';
import { Person } from './person.entity.js';
import { type CreatePersonDto, type ListPeopleQueryDto, type PersonDto, toPersonDto, type UpdatePersonDto } from './person.dto.js';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, dto: CreatePersonDto): Promise<PersonDto> {
    return this.dataSource.transaction(async (manager) => {
      const person = toPersonDto(
        await manager.save(
          manager.create(Person, {
            ...dto,
            nameCyrillic: dto.nameCyrillic ?? null,
            honorific: dto.honorific ?? null,
            position: dto.position ?? null,
            organisationId: dto.organisationId ?? null,
            country: dto.country ?? null,
          }),
        ),
      );
      await this.audit.record(manager, caller, { action: 'person.created', entity: 'person', entityId: person.id, after: person });
      return person;
    });
  }

  async update(caller: Caller, id: string, dto: UpdatePersonDto): Promise<PersonDto> {
    rejectNulls(dto, ['nameNative', 'nameLatin']);
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw new NotFoundError('Person', { id });
      const before = toPersonDto(person);
      const after = toPersonDto(await manager.save(Object.assign(person, dto)));
      await this.audit.record(manager, caller, { action: 'person.updated', entity: 'person', entityId: id, before, after });
      return after;
    });
  }

  async get(id: string): Promise<PersonDto> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id });
    if (!person) throw new NotFoundError('Person', { id });
    return toPersonDto(person);
  }

  async list(query: ListPeopleQueryDto): Promise<Page<PersonDto>> {
    const builder = this.dataSource.getRepository(Person).createQueryBuilder('p');
    if (query.q) {
      builder.andWhere('(p.name_native ILIKE :like OR p.name_latin ILIKE :like OR p.name_cyrillic ILIKE :like)', {
        like: likePattern(query.q),
      });
    }
    if (query.organisationId) builder.andWhere('p.organisation_id = :organisationId', { organisationId: query.organisationId });
    const [rows, total] = await builder.orderBy('p.name_latin', 'ASC').addOrderBy('p.id').skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    return toPage(rows, total, query, toPersonDto);
  }
}
