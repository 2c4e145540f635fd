import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import { type Caller, SYSTEM_CALLER } from '#core/http/caller.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { PasswordHasher } from '#identity/users/password-hasher.service.js';
import { Role } from '#identity/users/role.js';
import { UsersService } from '#identity/users/users.service.js';
import { ConferenceEvent } from '#programme/events/event.entity.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { Registration } from './registration.entity.js';
import type { RegisterDto, RegistrationDetailsDto, RegistrationDto, SignUpDto } from './registration.dto.js';
import {
  invalidInvitation,
  invitationForAnother,
  invitationOnly,
  outdatedConsent,
  registrationClosed,
} from './registration-errors.js';
import { registrationAuditView, toRegistrationDto } from './to-registration-dto.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * How delegates come in: an account and a registration in one step, or a
 * registration on an existing account; with an invitation token they are
 * approved at once (and for an event by invitation only, they need one).
 */
@Injectable()
export class RegistrationIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Public sign-up: a delegate account and its registration, in one transaction. */
  async signUp(slug: string, dto: SignUpDto, requestId: string): Promise<RegistrationDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const event = await this.openEvent(manager, { slug });
      const user = await this.users.insert(manager, { ...SYSTEM_CALLER, requestId }, {
        email: dto.email,
        displayName: dto.nameNative,
        role: Role.Delegate,
        preferredLanguage: dto.preferredLanguage,
        passwordHash,
      });
      const caller: Caller = { userId: user.id, role: Role.Delegate, requestId };
      return this.create(manager, caller, event, user.email, dto);
    });
  }

  /** A registration on the caller's existing account. */
  async register(caller: Caller, eventId: string, dto: RegisterDto): Promise<RegistrationDto> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.openEvent(manager, { id: eventId });
      const [user] = (await manager.query(`SELECT email FROM app_user WHERE id = $1`, [caller.userId])) as { email: string }[];
      return this.create(manager, caller, event, user.email, dto);
    });
  }

  private async openEvent(manager: EntityManager, where: { slug: string } | { id: string }): Promise<ConferenceEvent> {
    const event = await manager.findOne(ConferenceEvent, { where, lock: { mode: 'pessimistic_read' } });
    if (!event) throw new NotFoundError('Event', where);
    if (event.status !== 'published') throw registrationClosed('Registration opens when the event is published');
    return event;
  }

  private async create(manager: EntityManager, caller: Caller, event: ConferenceEvent, email: string, dto: RegisterDto): Promise<RegistrationDto> {
    if (dto.consent.noticeVersion !== event.consentNoticeVersion) throw outdatedConsent(event.consentNoticeVersion);
    const invitationId = dto.invitationToken ? await this.useInvitation(manager, event.id, dto.invitationToken, email) : null;
    if (event.registrationMode === 'invitation' && !invitationId) throw invitationOnly();
    const status = invitationId || event.registrationMode === 'open' ? 'approved' : 'pending';

    const id = (await manager.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
    const registration = manager.create(Registration, {
      id,
      eventId: event.id,
      userId: caller.userId,
      status,
      statusReason: null,
      ...(await this.details(manager, id, event, dto)),
      category: dto.category,
      consentVersion: dto.consent.noticeVersion,
      consentAt: new Date(),
      badgeToken: randomBytes(24).toString('base64url'),
      invitationId,
    });
    await manager.insert(Registration, registration);
    if (dto.delegation) await this.joinDelegation(manager, event.id, id, dto.delegation.name, dto.delegation.head === true, dto.country);
    const saved = await manager.findOneByOrFail(Registration, { id });
    await this.audit.record(manager, caller, { action: 'registration.created', entity: 'registration', entityId: id, after: registrationAuditView(saved) });
    await this.outbox.add(manager, JobName.RegistrationChanged, { registrationId: id, change: status === 'approved' ? 'approved' : 'received' });
    return toRegistrationDto(saved, this.cipher, true);
  }

  /** The personal fields of a registration, with the visa data encrypted and a new organisation created. */
  async details(manager: EntityManager, registrationId: string, event: ConferenceEvent, dto: Partial<RegistrationDetailsDto>) {
    let organisationId = dto.organisationId ?? null;
    if (!organisationId && dto.newOrganisation && dto.country) {
      // Named by the delegate in their own language: the translation report shows it if it ever goes public.
      const [row] = (await manager.query(
        `INSERT INTO organisation (name, country, type) VALUES ($1, $2, $3) RETURNING id`,
        [{ [dto.preferredLanguage ?? event.defaultLanguage]: dto.newOrganisation.name }, dto.country, dto.newOrganisation.type],
      )) as { id: string }[];
      organisationId = row.id;
    }
    const seal = (value: string | undefined) => (value ? this.cipher.encrypt(value, registrationId) : null);
    return {
      nameNative: dto.nameNative,
      nameLatin: dto.nameLatin,
      country: dto.country,
      organisationId,
      position: dto.position ?? null,
      preferredLanguage: dto.preferredLanguage,
      phone: dto.phone ?? null,
      dietaryNeeds: dto.dietaryNeeds ?? null,
      accessibilityNeeds: dto.accessibilityNeeds ?? null,
      interpretationNeeds: dto.interpretationNeeds ?? [],
      arrivalDate: dto.arrivalDate ?? null,
      departureDate: dto.departureDate ?? null,
      listedConsent: dto.listedConsent ?? false,
      visaNationality: seal(dto.visa?.nationality),
      visaPassportNumber: seal(dto.visa?.passportNumber),
      visaDateOfBirth: seal(dto.visa?.dateOfBirth),
    };
  }

  private async joinDelegation(manager: EntityManager, eventId: string, registrationId: string, name: string, head: boolean, country: string) {
    const [delegation] = (await manager.query(
      `INSERT INTO delegation (event_id, name, country) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [eventId, name, country],
    )) as { id: string }[];
    await manager.query(`UPDATE registration SET delegation_id = $1 WHERE id = $2`, [delegation.id, registrationId]);
    // The first registrant who says they head it does; a delegation has one head.
    if (head) await manager.query(`UPDATE delegation SET head_registration_id = $2 WHERE id = $1 AND head_registration_id IS NULL`, [delegation.id, registrationId]);
  }

  /** Single use: the conditional update lets exactly one registration consume a token. */
  private async useInvitation(manager: EntityManager, eventId: string, token: string, email: string): Promise<string> {
    const [invitation] = (await manager.query(
      `UPDATE invitation SET used_at = now()
        WHERE token_hash = $1 AND event_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, email`,
      [hashToken(token), eventId],
    ))[0] as { id: string; email: string }[];
    if (!invitation) throw invalidInvitation();
    if (invitation.email !== email.toLowerCase()) throw invitationForAnother();
    return invitation.id;
  }
}
