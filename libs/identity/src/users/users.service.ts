import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { ConflictError, NotFoundError } from '#core/errors/app-error.js';
import { likePattern } from '#core/database/like-pattern.js';
import { registerConstraint } from '#core/errors/database-error-map.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, skipOf, toPage } from '#core/http/pagination.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { SessionRevoker } from '../auth/session-revoker.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { type CreateUserDto, type ListUsersQueryDto, toUserDto, type UpdateUserDto, type UserDto } from './user.dto.js';

registerConstraint('app_user_email_key', {
  statusCode: 409,
  code: 'EMAIL_TAKEN',
  message: 'A user with this email already exists',
});

/** Serialises changes that could leave the product without an active admin. */
const ADMIN_GUARD_LOCK = 7_020_250_001;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionRevoker,
  ) {}

  async create(caller: Caller, dto: CreateUserDto): Promise<UserDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insert(manager, caller, { ...dto, passwordHash });
      return toUserDto(user);
    });
  }

  /**
   * Creates a user inside the caller's transaction, with its audit entry and its
   * welcome job: the three commit together or not at all.
   */
  async insert(
    manager: EntityManager,
    caller: Caller,
    data: Omit<CreateUserDto, 'password'> & { passwordHash: string },
  ): Promise<User> {
    const user = await manager.save(
      manager.create(User, {
        email: data.email.toLowerCase(),
        displayName: data.displayName,
        role: data.role,
        preferredLanguage: data.preferredLanguage ?? 'en',
        passwordHash: data.passwordHash,
        active: true,
      }),
    );
    await this.audit.record(manager, caller, { action: 'user.created', entity: 'user', entityId: user.id, after: toUserDto(user) });
    await this.outbox.add(manager, JobName.WelcomeUser, { userId: user.id });
    return user;
  }

  async update(caller: Caller, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', { id });
      const before = toUserDto(user);
      if (user.role === Role.Admin && user.active && (dto.active === false || (dto.role && dto.role !== Role.Admin))) {
        await this.assertAnotherActiveAdmin(manager, user.id);
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.preferredLanguage !== undefined) user.preferredLanguage = dto.preferredLanguage;
      if (dto.active !== undefined) user.active = dto.active;
      if (passwordHash) user.passwordHash = passwordHash;
      const saved = await manager.save(user);
      // A deactivated account, a new role or a new password ends every session the user had.
      if (dto.active === false || (dto.role && dto.role !== before.role) || passwordHash) {
        await this.sessions.revokeAllOf(manager, user.id, 'account changed');
      }
      const after = toUserDto(saved);
      await this.audit.record(manager, caller, {
        action: passwordHash && Object.keys(dto).length === 1 ? 'user.password_set' : 'user.updated',
        entity: 'user',
        entityId: user.id,
        before,
        after,
      });
      return after;
    });
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, excludingId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_GUARD_LOCK]);
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active AND id <> $1`,
      [excludingId],
    )) as { n: number }[];
    if (row.n === 0) {
      throw new ConflictError('LAST_ADMIN', 'The last active admin cannot be deactivated or given another role');
    }
  }

  /**
   * Erases an account's personal data (the registration issue's right to
   * erasure): the email and name are replaced, the account is closed, its
   * sessions end, and the audit trail keeps its entries without the values.
   */
  async erase(manager: EntityManager, caller: Caller, userId: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET email = 'erased-' || id || '@invalid.example', display_name = 'Erased', active = false,
              password_hash = '!', updated_at = now() WHERE id = $1`,
      [userId],
    );
    await this.sessions.revokeAllOf(manager, userId, 'account erased');
    await this.audit.eraseValues(manager, 'user', userId, ['email', 'displayName']);
    // Messages already recorded for the account keep their kind and state, not the address or the name.
    await manager.query(
      `UPDATE notification SET recipient_email = 'erased-' || $1 || '@invalid.example', payload = '{}' WHERE recipient_user_id = $1`,
      [userId],
    );
    await this.audit.record(manager, caller, { action: 'user.erased', entity: 'user', entityId: userId });
  }

  /**
   * The login emails of these accounts, for the organisers who contact their guests (registration lists and
   * exports); one query for a whole page or file. An erased account's placeholder address is left out.
   */
  async emailsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, email FROM app_user WHERE id = ANY($1::uuid[]) AND email NOT LIKE 'erased-%@invalid.example'`,
      [[...new Set(userIds)]],
    )) as { id: string; email: string }[];
    return new Map(rows.map((row) => [row.id, row.email]));
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', { id });
    return toUserDto(user);
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const builder = this.users.createQueryBuilder('u');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      builder.andWhere('(u.email ILIKE :like OR u.display_name ILIKE :like)', { like: likePattern(query.q) });
    }
    const [rows, total] = await builder
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows, total, query, toUserDto);
  }
}
