import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { SessionKind, SessionStatus, SessionVisibility } from '../programme-vocabulary.js';

@Entity({ name: 'session' })
export class ProgrammeSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) kind: SessionKind;
  @Column({ type: 'jsonb' }) title: Trilingual;
  @Column({ type: 'jsonb', nullable: true }) theme: Trilingual | null;
  @Column({ type: 'jsonb', nullable: true }) description: Trilingual | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'room_id', type: 'uuid', nullable: true }) roomId: string | null;
  @Column({ name: 'track_id', type: 'uuid', nullable: true }) trackId: string | null;
  @Column({ type: 'int', nullable: true }) capacity: number | null;
  @Column({ name: 'capacity_override_reason', type: 'text', nullable: true }) capacityOverrideReason: string | null;
  @Column({ name: 'languages_spoken', type: 'text', array: true }) languagesSpoken: Language[];
  @Column({ name: 'languages_interpreted', type: 'text', array: true }) languagesInterpreted: Language[];
  @Column({ type: 'text' }) visibility: SessionVisibility;
  @Column({ type: 'text' }) status: SessionStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
