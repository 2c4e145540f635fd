import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { OrganisationType } from '../programme-vocabulary.js';

/** Shared by every edition: the same organisation comes back next year. */
@Entity({ name: 'organisation' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'jsonb' }) name: Trilingual;
  /** ISO 3166-1 alpha-2 */
  @Column({ type: 'text' }) country: string;
  @Column({ type: 'text' }) type: OrganisationType;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
