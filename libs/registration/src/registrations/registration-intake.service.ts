import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '#core/database/prepared-query.js';
import { auditWriteSql, enqueueSql, readAllSql, SqlParams } from '#core/database/write-ctes.js';
import { AppError, NotFoundError } from '#core/errors/app-error.js';
import { type Caller, SYSTEM_CALLER } from '#core/http/caller.js';
import { JobName } from '#core/queue/queue-names.js';
import { PasswordHasher, Role, UserRepository, UsersService } from '#identity/index.js';
import { type EventRegistrationState, EventRepository, OrganisationRepository } from '#programme/index.js';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { ORGANISATION_TYPE_BY_CATEGORY } from '../guest-list/parse-guest-list.js';
import type { RegistrationStatus } from '../registration-vocabulary.js';
import type { InviteGuestDto } from './invitation.dto.js';
import type { Registration } from './registration.entity.js';
import type { DelegationChoiceDto, RegisterDto, RegistrationDetailsDto, RegistrationDto, SignUpDto } from './registration.dto.js';
import {
  delegationCountryMismatch,
  invalidInvitation,
  invitationForAnother,
  invitationOnly,
  outdatedConsent,
  registrationClosed,
} from './registration-errors.js';
import { registrationAuditView, toRegistrationDto } from './to-registration-dto.js';

/** What an invitation keeps of the guest (invitation.guest): the organiser's InviteGuestDto or guest-list row. */
type InvitedGuest = InviteGuestDto;

/**
 * The organiser's details of an invited guest, where the guest accepting leaves them out: position and delegation
 * (the organisation, a directory entry, is found or made in invitedOrganisation). What the guest says wins, as the
 * guest knows their own position best; an invitation's delegation is joined as the organiser chose it, whatever
 * its country.
 */
function withInvitedDetails(given: RegisterDto, guest: InvitedGuest): RegisterDto {
  return {
    ...given,
    position: given.position ?? guest.position,
    // The organiser put the guest in this delegation: that is the confirmation a country mismatch asks for.
    delegation: given.delegation ?? (guest.delegation ? { name: guest.delegation.trim(), confirmCountryMismatch: true } : undefined),
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What registering needs of the event. */
type EventState = EventRegistrationState;

/** Runs one statement: on the pool (a statement of its own is atomic) or in a transaction's manager. */
type Query = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

/**
 * What the answer needs from the database: the status it chose, the creation time, and the ids as stored
 * (canonical, whatever case the client sent). Everything else is what was bound, stored as is.
 */
const RETURNING = `id, event_id AS "eventId", organisation_id AS "organisationId", status, created_at AS "createdAt"`;

/** A row of the registration statement: the event as it stood (locked), and the registration when one was inserted. */
type InsertedRow = Partial<Pick<Registration, 'id' | 'eventId' | 'organisationId' | 'status' | 'createdAt'>> & {
  eventStatus: string;
  eventMode: string;
  eventConsent: string;
};

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
    private readonly events: EventRepository,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: UserRepository,
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
      return this.create(manager, caller, event, async () => user.email, dto);
    });
  }

  /**
   * A registration on the caller's existing account. The common case (no invitation, no new organisation, no
   * delegation) is one statement on the pool: the event's checks, the row, its audit entry and its outbox row
   * together (see insertRegistration), so a burst of delegates costs one round trip each. The other cases
   * write more rows first and take a transaction.
   */
  async register(caller: Caller, eventId: string, dto: RegisterDto): Promise<RegistrationDto> {
    if (!dto.invitationToken && !dto.delegation && !this.createsOrganisation(dto)) {
      const id = randomUUID();
      const sealed = this.sealedDetails(id, dto.organisationId ?? null, dto);
      const query: Query = (sql, parameters) => preparedQuery(this.dataSource, sql, parameters);
      return this.insertRegistration(query, caller, { id: eventId }, id, sealed, dto, null, null);
    }
    return this.dataSource.transaction(async (manager) => {
      const event = await this.openEvent(manager, { id: eventId });
      const email = async () => (await this.accounts.emailOf(manager, caller.userId))!;
      return this.create(manager, caller, event, email, dto);
    });
  }

  private async openEvent(manager: EntityManager, where: { slug: string } | { id: string }): Promise<EventState> {
    const event = await this.events.registrationStateForShare(manager, where);
    if (!event) throw new NotFoundError('Event', where);
    if (event.status !== 'published') throw registrationClosed('Registration opens when the event is published');
    return event;
  }

  /** In a transaction that holds the event: the invitation, a new organisation and the delegation, then the registration. */
  private async create(manager: EntityManager, caller: Caller, event: EventState, email: () => Promise<string>, given: RegisterDto): Promise<RegistrationDto> {
    if (given.consent.noticeVersion !== event.consentNoticeVersion) throw outdatedConsent(event.consentNoticeVersion);
    const invitation = given.invitationToken ? await this.useInvitation(manager, event.id, given.invitationToken, await email()) : null;
    const invitationId = invitation?.id ?? null;
    if (event.registrationMode === 'invitation' && !invitationId) throw invitationOnly();
    const dto = invitation ? withInvitedDetails(given, invitation.guest) : given;

    const id = randomUUID();
    const organisationId = invitation && this.takesInvitedOrganisation(given, invitation.guest)
      ? await this.invitedOrganisation(manager, event, invitation.guest, dto)
      : await this.organisationFor(manager, event, dto);
    const sealed = this.sealedDetails(id, organisationId, dto);
    const delegationId = dto.delegation ? await this.delegationFor(manager, event.id, dto.delegation, dto.country) : null;
    const query: Query = (sql, parameters) => manager.query(sql, parameters);
    const registration = await this.insertRegistration(query, caller, { id: event.id }, id, sealed, dto, invitationId, delegationId);
    // The first registrant who says they head it does; a delegation has one head.
    if (delegationId && dto.delegation?.head === true) {
      await manager.query(`UPDATE delegation SET head_registration_id = $2 WHERE id = $1 AND head_registration_id IS NULL`, [delegationId, id]);
    }
    return registration;
  }

  /**
   * One statement: locks the event and checks it is open to this registration (published, the current consent
   * notice, not by invitation only unless invited), inserts the registration with its status from the event's
   * mode, and with it its audit entry and its outbox row as CTEs. Their contents depend on the status the
   * database chooses, so each possible status has its own pair, written only for the row that has it. When
   * nothing was inserted, the event as it was read says why, in the order the checks have always run.
   */
  private async insertRegistration(
    query: Query,
    caller: Caller,
    where: { id: string },
    id: string,
    sealed: ReturnType<RegistrationIntakeService['sealedDetails']>,
    dto: RegisterDto,
    invitationId: string | null,
    delegationId: string | null,
  ): Promise<RegistrationDto> {
    const consentAt = new Date();
    const badgeToken = randomBytes(24).toString('base64url');
    const p = new SqlParams();
    const eventId = p.add(where.id, 'uuid');
    const invited = p.add(invitationId, 'uuid');
    const consent = p.add(dto.consent.noticeVersion, 'text');
    // Dates go as text and are cast in the SELECT, so a bad date is an error only when a row is inserted
    // (a closed event answers REGISTRATION_CLOSED whatever the dates, as when the checks ran first).
    const columns: Record<string, string> = {
      id: p.add(id, 'uuid'),
      event_id: 'ev.id',
      user_id: p.add(caller.userId, 'uuid'),
      status: `CASE WHEN ${invited} IS NOT NULL OR ev.registration_mode = 'open' THEN 'approved' ELSE 'pending' END`,
      name_native: p.add(sealed.nameNative, 'text'),
      name_latin: p.add(sealed.nameLatin, 'text'),
      country: p.add(sealed.country, 'text'),
      organisation_id: p.add(sealed.organisationId, 'uuid'),
      position: p.add(sealed.position, 'text'),
      category: p.add(dto.category, 'text'),
      delegation_id: p.add(delegationId, 'uuid'),
      preferred_language: p.add(sealed.preferredLanguage, 'text'),
      phone: p.add(sealed.phone, 'text'),
      dietary_needs: p.add(sealed.dietaryNeeds, 'text'),
      accessibility_needs: p.add(sealed.accessibilityNeeds, 'text'),
      interpretation_needs: p.add(sealed.interpretationNeeds, 'text[]'),
      arrival_date: `${p.add(sealed.arrivalDate, 'text')}::date`,
      departure_date: `${p.add(sealed.departureDate, 'text')}::date`,
      consent_version: consent,
      consent_at: p.add(consentAt, 'timestamptz'),
      listed_consent: p.add(sealed.listedConsent, 'boolean'),
      visa_nationality: p.add(sealed.visaNationality, 'bytea'),
      visa_passport_number: p.add(sealed.visaPassportNumber, 'bytea'),
      visa_date_of_birth: p.add(sealed.visaDateOfBirth, 'bytea'),
      badge_token: p.add(badgeToken, 'text'),
      invitation_id: invited,
    };
    const statuses: RegistrationStatus[] = invitationId ? ['approved'] : ['approved', 'pending'];
    const sideWrites = statuses.flatMap((status, i) => {
      const source = `FROM ins WHERE ins.status = '${status}'`;
      const after = registrationAuditView({ status, category: dto.category, country: sealed.country, listedConsent: sealed.listedConsent } as Registration);
      const change = status === 'approved' ? 'approved' : 'received';
      return [
        `audit_${i} AS (${auditWriteSql(p, caller, { action: 'registration.created', entity: 'registration', entityId: id, after }, source)})`,
        `outbox_${i} AS (${enqueueSql(p, JobName.RegistrationChanged, { registrationId: id, change }, source)})`,
      ];
    });
    const sql = `WITH ev AS (
        SELECT id, status, registration_mode, consent_notice_version FROM event WHERE id = ${eventId} FOR SHARE
      ), ins AS (
        INSERT INTO registration (${Object.keys(columns).join(', ')})
        SELECT ${Object.values(columns).join(', ')} FROM ev
         WHERE ev.status = 'published' AND ev.consent_notice_version = ${consent}
           AND (ev.registration_mode <> 'invitation' OR ${invited} IS NOT NULL)
        RETURNING ${RETURNING}
      ), ${sideWrites.join(', ')}
      SELECT ev.status AS "eventStatus", ev.registration_mode AS "eventMode", ev.consent_notice_version AS "eventConsent", ins.*,
             ${readAllSql(statuses.flatMap((_, i) => [`audit_${i}`, `outbox_${i}`]))}
        FROM ev LEFT JOIN ins ON true`;
    const [row] = (await query(sql, p.values)) as InsertedRow[];
    if (!row) throw new NotFoundError('Event', where);
    if (!row.id) {
      if (row.eventStatus !== 'published') throw registrationClosed('Registration opens when the event is published');
      if (row.eventConsent !== dto.consent.noticeVersion) throw outdatedConsent(row.eventConsent);
      if (row.eventMode === 'invitation' && !invitationId) throw invitationOnly();
      throw new AppError(500, 'REGISTRATION_NOT_INSERTED', 'The registration was not recorded; please try again');
    }
    const registration: Registration = {
      ...sealed,
      // Required of a registration (RegisterDto), optional only for the updates that share sealedDetails.
      nameNative: dto.nameNative,
      nameLatin: dto.nameLatin,
      country: dto.country,
      preferredLanguage: dto.preferredLanguage,
      id,
      eventId: row.eventId!,
      userId: caller.userId,
      status: row.status!,
      statusReason: null,
      organisationId: row.organisationId ?? null,
      category: dto.category,
      delegationId,
      consentVersion: dto.consent.noticeVersion,
      consentAt,
      badgeToken,
      badgeRevokedAt: null,
      invitationId,
      anonymisedAt: null,
      createdAt: row.createdAt!,
      updatedAt: row.createdAt!,
    };
    return toRegistrationDto(registration, this.cipher, true);
  }

  private createsOrganisation(dto: Partial<RegistrationDetailsDto>): boolean {
    return Boolean(!dto.organisationId && dto.newOrganisation && dto.country);
  }

  /** The organisation named, or a new one the delegate described. */
  private async organisationFor(manager: EntityManager, event: Pick<EventState, 'defaultLanguage'>, dto: Partial<RegistrationDetailsDto>): Promise<string | null> {
    if (!this.createsOrganisation(dto)) return dto.organisationId ?? null;
    // Named by the delegate in their own language: the translation report shows it if it ever goes public.
    return this.organisations.create(manager, {
      name: { [dto.preferredLanguage ?? event.defaultLanguage]: dto.newOrganisation!.name },
      country: dto.country!,
      type: dto.newOrganisation!.type,
    });
  }

  /** The invitation names an organisation and the guest, accepting, chose none of their own. */
  private takesInvitedOrganisation(given: RegisterDto, guest: InvitedGuest): boolean {
    return Boolean(guest.organisation && !given.organisationId && !given.newOrganisation);
  }

  /**
   * The organisation an invitation names, as free text: the directory's organisation of that name (in any of its
   * languages, ignoring case) in the guest's country, else a new one, named in the guest's language as a
   * delegate's own new organisation is. An advisory lock on the name makes two guests of one new organisation,
   * accepting at once, find one organisation rather than create two.
   */
  private async invitedOrganisation(manager: EntityManager, event: Pick<EventState, 'defaultLanguage'>, guest: InvitedGuest, dto: RegisterDto): Promise<string> {
    const name = guest.organisation!.trim();
    return this.organisations.findOrCreateByName(manager, dto.country, name, {
      name: { [dto.preferredLanguage ?? event.defaultLanguage]: name },
      country: dto.country,
      type: guest.organisationType ?? ORGANISATION_TYPE_BY_CATEGORY[guest.category],
    });
  }

  /** The personal fields of a registration, with the visa data encrypted and a new organisation created. */
  async details(manager: EntityManager, registrationId: string, event: Pick<EventState, 'defaultLanguage'>, dto: Partial<RegistrationDetailsDto>) {
    return this.sealedDetails(registrationId, await this.organisationFor(manager, event, dto), dto);
  }

  /** The personal fields as stored, the visa data encrypted and bound to the registration's id. */
  private sealedDetails(registrationId: string, organisationId: string | null, dto: Partial<RegistrationDetailsDto>) {
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

  /**
   * The delegation of that name in the event, created by its first registrant (whose country it takes). Joining
   * one of another country is refused unless the request confirms it: a delegate who picked the wrong delegation
   * by name is asked, rather than silently filed under another country. The refusal rolls back the upsert, which
   * for an existing delegation changed nothing anyway.
   */
  private async delegationFor(manager: EntityManager, eventId: string, choice: DelegationChoiceDto, country: string): Promise<string> {
    const [delegation] = (await manager.query(
      `INSERT INTO delegation (event_id, name, country) VALUES ($1, $2, $3)
       ON CONFLICT (event_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name, country`,
      [eventId, choice.name, country],
    )) as { id: string; name: string; country: string | null }[];
    if (delegation.country && delegation.country !== country && choice.confirmCountryMismatch !== true) {
      throw delegationCountryMismatch({ id: delegation.id, name: delegation.name, country: delegation.country }, country);
    }
    return delegation.id;
  }

  /** Single use: the conditional update lets exactly one registration consume a token. */
  private async useInvitation(manager: EntityManager, eventId: string, token: string, email: string): Promise<{ id: string; guest: InvitedGuest }> {
    const [invitation] = (await manager.query(
      `UPDATE invitation SET used_at = now()
        WHERE token_hash = $1 AND event_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, email, guest`,
      [hashToken(token), eventId],
    ))[0] as { id: string; email: string; guest: InvitedGuest }[];
    if (!invitation) throw invalidInvitation();
    if (invitation.email !== email.toLowerCase()) throw invitationForAnother();
    return { id: invitation.id, guest: invitation.guest };
  }
}
