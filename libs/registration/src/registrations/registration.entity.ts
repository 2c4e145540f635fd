import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { RegistrationCategory, RegistrationStatus } from '../registration-vocabulary.js';

/** A delegate's registration for one event. Personal fields are null once it is anonymised. */
@Entity({ name: 'registration' })
export class Registration {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) status: RegistrationStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @Column({ name: 'name_native', type: 'text', nullable: true }) nameNative: string | null;
  @Column({ name: 'name_latin', type: 'text', nullable: true }) nameLatin: string | null;
  @Column({ type: 'text', nullable: true }) country: string | null;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ type: 'text' }) category: RegistrationCategory;
  @Column({ name: 'delegation_id', type: 'uuid', nullable: true }) delegationId: string | null;
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage: Language;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ name: 'dietary_needs', type: 'text', nullable: true }) dietaryNeeds: string | null;
  @Column({ name: 'accessibility_needs', type: 'text', nullable: true }) accessibilityNeeds: string | null;
  @Column({ name: 'interpretation_needs', type: 'text', array: true }) interpretationNeeds: Language[];
  @Column({ name: 'arrival_date', type: 'date', nullable: true }) arrivalDate: string | null;
  @Column({ name: 'departure_date', type: 'date', nullable: true }) departureDate: string | null;
  @Column({ name: 'consent_version', type: 'text' }) consentVersion: string;
  @Column({ name: 'consent_at', type: 'timestamptz' }) consentAt: Date;
  @Column({ name: 'listed_consent', type: 'boolean' }) listedConsent: boolean;
  @Column({ name: 'visa_nationality', type: 'bytea', nullable: true }) visaNationality: Buffer | null;
  @Column({ name: 'visa_passport_number', type: 'bytea', nullable: true }) visaPassportNumber: Buffer | null;
  @Column({ name: 'visa_date_of_birth', type: 'bytea', nullable: true }) visaDateOfBirth: Buffer | null;
  @Column({ name: 'badge_token', type: 'text' }) badgeToken: string;
  @Column({ name: 'badge_revoked_at', type: 'timestamptz', nullable: true }) badgeRevokedAt: Date | null;
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true }) invitationId: string | null;
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
