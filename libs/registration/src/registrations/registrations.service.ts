import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { ErasureHooks } from '#core/erasure/erasure-hooks.js';
import { likePattern } from '#core/database/like-pattern.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import { toErrorEnvelope } from '#core/errors/to-error-envelope.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { rejectNulls } from '#core/http/reject-nulls.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { UserRepository, UsersService } from '#identity/index.js';
import { EventRepository } from '#programme/index.js';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { DelegationsService } from '../delegations/delegations.service.js';
import { EnrolmentsService } from '../enrolments/enrolments.service.js';
import type { RegistrationStatus } from '../registration-vocabulary.js';
import { Registration } from './registration.entity.js';
import type {
  BulkDecisionDto,
  BulkDecisionResultDto,
  ListRegistrationsQueryDto,
  RegistrationDto,
  UpdateRegistrationDto,
} from './registration.dto.js';
import { invalidTransition } from './registration-errors.js';
import { RegistrationIntakeService } from './registration-intake.service.js';
import { registrationAuditView, toRegistrationDto } from './to-registration-dto.js';

type Action = 'approve' | 'reject' | 'cancel';

const TRANSITIONS: Record<Action, { from: RegistrationStatus[]; to: RegistrationStatus; done: string }> = {
  approve: { from: ['pending'], to: 'approved', done: 'approved' },
  reject: { from: ['pending'], to: 'rejected', done: 'rejected' },
  cancel: { from: ['pending', 'approved'], to: 'cancelled', done: 'cancelled' },
};

/** Who sees visa data in clear: the delegate, admins and organisers; staff see it masked. */
const revealsVisa = (caller: Caller) => ['admin', 'organiser', 'delegate'].includes(caller.role);

/** Who sees a delegate's email: the organisers, whose guests they are to contact; door and protocol staff need no address. */
const seesEmail = (caller: Caller) => ['admin', 'organiser'].includes(caller.role);

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly enrolments: EnrolmentsService,
    private readonly users: UsersService,
    private readonly intake: RegistrationIntakeService,
    private readonly delegations: DelegationsService,
    private readonly events: EventRepository,
    private readonly accounts: UserRepository,
    private readonly erasure: ErasureHooks,
  ) {}

  // ---- the delegate's own registrations (/api/me): another's id is a 404 ----

  async listMine(caller: Caller, query: PageQueryDto): Promise<Page<RegistrationDto>> {
    const [rows, total] = await this.dataSource.getRepository(Registration).findAndCount({
      where: { userId: caller.userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return toPage(rows, total, query, (r) => toRegistrationDto(r, this.cipher, true));
  }

  async getMine(caller: Caller, id: string): Promise<RegistrationDto> {
    return toRegistrationDto(await this.mine(this.dataSource.manager, caller, id), this.cipher, true);
  }

  async updateMine(caller: Caller, id: string, dto: UpdateRegistrationDto): Promise<RegistrationDto> {
    rejectNulls(dto, ['nameNative', 'nameLatin', 'country', 'preferredLanguage', 'interpretationNeeds', 'listedConsent']);
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.mine(manager, caller, id, true);
      if (registration.status === 'cancelled' || registration.status === 'rejected') throw invalidTransition(registration.status, 'changed');
      const before = registrationAuditView(registration);
      // The registration's event exists (its foreign key); only its default language is needed.
      const event = (await this.events.factsOf([registration.eventId], manager)).get(registration.eventId)!;
      const details = await this.intake.details(manager, id, { defaultLanguage: event.default_language }, { ...registrationFields(registration), ...dto });
      // Only what the delegate sent changes; encrypted visa fields are replaced only when new visa data came.
      const changes = Object.fromEntries(
        Object.entries(details).filter(([key]) => key in dto || (dto.visa !== undefined && key.startsWith('visa'))),
      );
      await manager.update(Registration, { id }, changes);
      // Messages go in the account's language: keep it in step with the registration's.
      if (dto.preferredLanguage) await this.accounts.setPreferredLanguage(manager, caller.userId, dto.preferredLanguage);
      const saved = await manager.findOneByOrFail(Registration, { id });
      await this.audit.record(manager, caller, { action: 'registration.updated', entity: 'registration', entityId: id, before, after: registrationAuditView(saved) });
      return toRegistrationDto(saved, this.cipher, true);
    });
  }

  async cancelMine(caller: Caller, id: string): Promise<RegistrationDto> {
    return this.decide(caller, id, 'cancel', undefined, caller.userId);
  }

  // ---- organisers ----

  async list(eventId: string, query: ListRegistrationsQueryDto, caller: Caller): Promise<Page<RegistrationDto>> {
    const builder = this.dataSource.getRepository(Registration).createQueryBuilder('r').where('r.event_id = :eventId', { eventId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.category) builder.andWhere('r.category = :category', { category: query.category });
    if (query.country) builder.andWhere('r.country = :country', { country: query.country });
    if (query.q) builder.andWhere('(r.name_native ILIKE :like OR r.name_latin ILIKE :like)', { like: likePattern(query.q) });
    const [rows, total] = await builder.orderBy('r.created_at', 'ASC').addOrderBy('r.id').skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    const items = await this.organiserView(caller, rows);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async get(caller: Caller, eventId: string, id: string): Promise<RegistrationDto> {
    const registration = await this.dataSource.getRepository(Registration).findOneBy({ id, eventId });
    if (!registration) throw new NotFoundError('Registration', { id });
    return (await this.organiserView(caller, [registration]))[0];
  }

  /** Registrations as the organisers' list and detail show them: with their delegation and its head, and the email for those who may see it. */
  private async organiserView(caller: Caller, registrations: Registration[]): Promise<RegistrationDto[]> {
    const emails = seesEmail(caller) ? await this.users.emailsOf(registrations.map((r) => r.userId)) : null;
    const delegations = await this.delegations.summaries(registrations.map((r) => r.delegationId));
    return registrations.map((r) => {
      const dto: RegistrationDto = { ...toRegistrationDto(r, this.cipher, revealsVisa(caller)), delegation: r.delegationId ? (delegations.get(r.delegationId) ?? null) : null };
      return emails ? { ...dto, email: r.anonymisedAt ? null : (emails.get(r.userId) ?? null) } : dto;
    });
  }

  async approve(caller: Caller, eventId: string, id: string): Promise<RegistrationDto> {
    return this.decide(caller, id, 'approve', undefined, null, eventId);
  }

  async reject(caller: Caller, eventId: string, id: string, reason: string | undefined): Promise<RegistrationDto> {
    if (!reason) throw new AppError(400, 'VALIDATION_FAILED', 'A rejection needs a reason', [{ field: 'reason', rule: 'required', message: 'reason is required' }]);
    return this.decide(caller, id, 'reject', reason, null, eventId);
  }

  async cancel(caller: Caller, eventId: string, id: string, reason: string | undefined): Promise<RegistrationDto> {
    return this.decide(caller, id, 'cancel', reason, null, eventId);
  }

  /** Each registration is decided in its own transaction: one that cannot change is reported, the others go on. */
  async bulk(caller: Caller, eventId: string, dto: BulkDecisionDto): Promise<BulkDecisionResultDto> {
    if (dto.action === 'reject' && !dto.reason) {
      throw new AppError(400, 'VALIDATION_FAILED', 'A rejection needs a reason', [{ field: 'reason', rule: 'required', message: 'reason is required' }]);
    }
    const result: BulkDecisionResultDto = { changed: [], skipped: [] };
    for (const id of dto.registrationIds) {
      try {
        await this.decide(caller, id, dto.action, dto.reason, null, eventId);
        result.changed.push(id);
      } catch (error) {
        // Whatever stopped one registration (a rule, a concurrent change) is reported; the others go on.
        result.skipped.push({ registrationId: id, reason: toErrorEnvelope(error).envelope.code });
      }
    }
    return result;
  }

  /**
   * Erasure: the registration keeps its place in the counts and the audit trail
   * but loses everything personal (names, contact, needs, visa data), its seats
   * go to the waiting lists, its badge stops working, and the account is erased.
   */
  async erase(caller: Caller, id: string, ownerUserId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, user_id, status FROM registration WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2) AND anonymised_at IS NULL FOR UPDATE`,
        [id, ownerUserId],
      )) as { id: string; user_id: string; status: string }[];
      if (!row) throw new NotFoundError('Registration', { id });
      await this.enrolments.releaseAll(manager, id);
      await manager.query(
        `UPDATE registration SET
           status = CASE WHEN status IN ('pending', 'approved') THEN 'cancelled' ELSE status END,
           status_reason = NULL, name_native = NULL, name_latin = NULL, position = NULL, phone = NULL,
           dietary_needs = NULL, accessibility_needs = NULL, interpretation_needs = '{}', arrival_date = NULL, departure_date = NULL,
           visa_nationality = NULL, visa_passport_number = NULL, visa_date_of_birth = NULL, listed_consent = false,
           badge_revoked_at = coalesce(badge_revoked_at, now()), anonymised_at = now(), updated_at = now()
         WHERE id = $1`,
        [id],
      );
      await manager.query(`UPDATE delegation SET head_registration_id = NULL, head_confirmed_at = NULL, head_confirmed_by = NULL WHERE head_registration_id = $1`, [id]);
      // What else held the person: the check-in answers kept for nonce replays, the invitation they came with.
      await manager.query(
        `UPDATE check_in_scan SET answer = jsonb_set(answer, '{details,delegate}', jsonb_build_object('registrationId', $1::text))
          WHERE answer #>> '{details,delegate,registrationId}' = $1::text`,
        [id],
      );
      await manager.query(
        `UPDATE invitation SET email = 'erased-' || id || '@invalid.example', guest = '{}'
          WHERE id = (SELECT invitation_id FROM registration WHERE id = $1)`,
        [id],
      );
      // The domains holding copies (agenda: their own agendas and the secret calendar URL) erase theirs in this
      // transaction: the row stays, so the cascades on it do not fire.
      await this.erasure.eraseRegistration(manager, id);
      await this.audit.record(manager, caller, { action: 'registration.erased', entity: 'registration', entityId: id });
      await this.outbox.add(manager, JobName.RegistrationChanged, { registrationId: id, change: 'erased' });
      // A delegate's account goes too when this was its last registration holding personal data. Staff,
      // organisers and admins who registered keep their working account.
      const [others] = await manager.query(
        `SELECT 1 FROM registration WHERE user_id = $1 AND anonymised_at IS NULL AND id <> $2 LIMIT 1`,
        [row.user_id, id],
      );
      if (!others && (await this.accounts.roleOf(manager, row.user_id)) === 'delegate') await this.users.erase(manager, caller, row.user_id);
    });
  }

  private async decide(
    caller: Caller,
    id: string,
    action: Action,
    reason: string | undefined,
    ownerUserId: string | null,
    eventId?: string,
  ): Promise<RegistrationDto> {
    const transition = TRANSITIONS[action];
    const saved = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Registration, {
        where: ownerUserId ? { id, userId: ownerUserId } : eventId ? { id, eventId } : { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.anonymisedAt) throw new NotFoundError('Registration', { id });
      if (!transition.from.includes(current.status)) throw invalidTransition(current.status, transition.done);
      const before = registrationAuditView(current);
      await manager.update(
        Registration,
        { id },
        {
          status: transition.to,
          statusReason: reason ?? null,
          ...(action === 'cancel' ? { badgeRevokedAt: new Date() } : {}),
        },
      );
      if (action === 'cancel') await this.enrolments.releaseAll(manager, id);
      // A head who is cancelled or rejected no longer heads the delegation.
      if (action !== 'approve') await manager.query(`UPDATE delegation SET head_registration_id = NULL WHERE head_registration_id = $1`, [id]);
      const saved = await manager.findOneByOrFail(Registration, { id });
      await this.audit.record(manager, caller, {
        action: `registration.${transition.done}`,
        entity: 'registration',
        entityId: id,
        before,
        after: registrationAuditView(saved),
      });
      await this.outbox.add(manager, JobName.RegistrationChanged, { registrationId: id, change: transition.done });
      return saved;
    });
    // An organiser's decision answers with the registration as their detail shows it (delegation, head, email),
    // read after the commit so that a head cleared by it is seen cleared. A delegate's own cancellation answers
    // as their own views do.
    if (ownerUserId) return toRegistrationDto(saved, this.cipher, revealsVisa(caller));
    return (await this.organiserView(caller, [saved]))[0];
  }

  private async mine(manager: EntityManager, caller: Caller, id: string, lock = false): Promise<Registration> {
    const registration = await manager.findOne(Registration, {
      where: { id, userId: caller.userId },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!registration || registration.anonymisedAt) throw new NotFoundError('Registration', { id });
    return registration;
  }
}

/** The stored details in the shape of the DTO, so an update can merge what changed over them. */
function registrationFields(r: Registration) {
  return {
    nameNative: r.nameNative ?? undefined,
    nameLatin: r.nameLatin ?? undefined,
    country: r.country ?? undefined,
    organisationId: r.organisationId ?? undefined,
    position: r.position ?? undefined,
    preferredLanguage: r.preferredLanguage,
    phone: r.phone ?? undefined,
    dietaryNeeds: r.dietaryNeeds ?? undefined,
    accessibilityNeeds: r.accessibilityNeeds ?? undefined,
    interpretationNeeds: r.interpretationNeeds,
    arrivalDate: r.arrivalDate ?? undefined,
    departureDate: r.departureDate ?? undefined,
    listedConsent: r.listedConsent,
  };
}
