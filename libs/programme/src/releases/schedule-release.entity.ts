import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { ScheduleChanges } from './schedule-diff.js';
import type { ScheduleSnapshot } from './schedule-snapshot.js';

/** A published, numbered, immutable release (a trigger refuses updates and deletes). */
@Entity({ name: 'schedule_release' })
export class ScheduleRelease {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'jsonb' }) name: Trilingual;
  @Column({ type: 'jsonb', nullable: true }) notes: Trilingual | null;
  @Column({ name: 'published_at', type: 'timestamptz' }) publishedAt: Date;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'translations_overridden', type: 'boolean' }) translationsOverridden: boolean;
  @Column({ type: 'jsonb' }) snapshot: ScheduleSnapshot;
  @Column({ type: 'jsonb' }) changes: ScheduleChanges;
}
