import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { EventStatus } from '../programme-vocabulary.js';

/** One edition of the conference; everything in the programme belongs to one. */
@Entity({ name: 'event' })
export class ConferenceEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  @Column({ type: 'jsonb' }) name: Trilingual;
  @Column({ type: 'jsonb' }) city: Trilingual;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  /** YYYY-MM-DD in the event's time zone. */
  @Column({ name: 'first_day', type: 'date' }) firstDay: string;
  @Column({ name: 'last_day', type: 'date' }) lastDay: string;
  @Column({ name: 'default_language', type: 'text' }) defaultLanguage: Language;
  @Column({ type: 'text' }) status: EventStatus;
  /** open: approved at once; approval: an organiser decides; invitation: invited guests only. */
  @Column({ name: 'registration_mode', type: 'text' }) registrationMode: 'open' | 'approval' | 'invitation';
  /** The version of the data-processing notice delegates consent to. */
  @Column({ name: 'consent_notice_version', type: 'text' }) consentNoticeVersion: string;
  /** That notice's text, shown before registering; a changed text needs a new version (migration 1763740000012). */
  @Column({ name: 'consent_notice', type: 'jsonb', nullable: true }) consentNotice: Trilingual | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
