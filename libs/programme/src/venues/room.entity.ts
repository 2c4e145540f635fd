import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import type { Trilingual } from '#core/i18n/trilingual.js';

@Entity({ name: 'room' })
export class Room {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'venue_id', type: 'uuid' }) venueId: string;
  @Column({ type: 'jsonb' }) name: Trilingual;
  @Column({ type: 'int' }) capacity: number;
  /** Which languages the room's interpretation booths can deliver. */
  @Column({ name: 'interpretation_channels', type: 'text', array: true }) interpretationChannels: Language[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
