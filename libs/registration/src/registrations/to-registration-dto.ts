import type { FieldCipher } from '../crypto/field-cipher.js';
import { mask } from '../crypto/field-cipher.js';
import type { Registration } from './registration.entity.js';
import type { RegistrationDto } from './registration.dto.js';

/**
 * Visa data is decrypted for the delegate themselves and for admins and
 * organisers; anyone else (staff) sees it masked.
 */
export function toRegistrationDto(registration: Registration, cipher: FieldCipher, revealVisa: boolean): RegistrationDto {
  const read = (value: Buffer | null) => (value ? cipher.decrypt(value, registration.id) : null);
  const passport = read(registration.visaPassportNumber);
  const birth = read(registration.visaDateOfBirth);
  const hasVisa = registration.visaNationality || passport || birth;
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
          passportNumber: revealVisa ? passport : mask(passport),
          dateOfBirth: revealVisa ? birth : mask(birth),
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
    statusReason: registration.statusReason,
    category: registration.category,
    country: registration.country,
    listedConsent: registration.listedConsent,
  };
}
