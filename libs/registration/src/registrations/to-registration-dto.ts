import type { FieldCipher } from '#core/crypto/field-cipher.js';
import type { Registration } from './registration.entity.js';
import type { RegistrationDto } from './registration.dto.js';

const HIDDEN = '••••••';

/**
 * Visa data is decrypted only for the delegate themselves and for admins and
 * organisers; anyone else (staff) sees that it exists, masked, and nothing is
 * decrypted for them. A value that no longer decrypts (a lost key) reads as
 * unreadable instead of failing the whole answer.
 */
export function toRegistrationDto(registration: Registration, cipher: FieldCipher, revealVisa: boolean): RegistrationDto {
  const read = (value: Buffer | null): string | null => {
    if (!value) return null;
    if (!revealVisa) return HIDDEN;
    try {
      return cipher.decrypt(value, registration.id);
    } catch {
      return '[unreadable]';
    }
  };
  const hasVisa = Boolean(registration.visaNationality || registration.visaPassportNumber || registration.visaDateOfBirth);
  return {
    id: registration.id,
    eventId: registration.eventId,
    userId: registration.userId,
    status: registration.status,
    statusReason: registration.statusReason,
    nameNative: registration.nameNative,
    nameLatin: registration.nameLatin,
    country: registration.country,
    organisationId: registration.organisationId,
    position: registration.position,
    category: registration.category,
    delegationId: registration.delegationId,
    preferredLanguage: registration.preferredLanguage,
    phone: registration.phone,
    dietaryNeeds: registration.dietaryNeeds,
    accessibilityNeeds: registration.accessibilityNeeds,
    interpretationNeeds: registration.interpretationNeeds,
    arrivalDate: registration.arrivalDate,
    departureDate: registration.departureDate,
    consentVersion: registration.consentVersion,
    consentAt: registration.consentAt.toISOString(),
    listedConsent: registration.listedConsent,
    visa: hasVisa
      ? {
          nationality: read(registration.visaNationality),
          passportNumber: read(registration.visaPassportNumber),
          dateOfBirth: read(registration.visaDateOfBirth),
        }
      : null,
    badgeAvailable: registration.status === 'approved' && !registration.badgeRevokedAt,
    anonymisedAt: registration.anonymisedAt?.toISOString() ?? null,
    createdAt: registration.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a registration: its state, never the person's data. */
export function registrationAuditView(registration: Registration): Record<string, unknown> {
  return {
    status: registration.status,
    category: registration.category,
    country: registration.country,
    listedConsent: registration.listedConsent,
  };
}
