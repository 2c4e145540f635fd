import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Trilingual } from '#core/i18n/trilingual.js';

/** A speaker, signatory, guest of honour…: the name in their own script and its Latin and Cyrillic forms. */
@Entity({ name: 'person' })
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'name_native', type: 'text' }) nameNative: string;
  @Column({ name: 'name_latin', type: 'text' }) nameLatin: string;
  @Column({ name: 'name_cyrillic', type: 'text', nullable: true }) nameCyrillic: string | null;
  @Column({ type: 'jsonb', nullable: true }) honorific: Trilingual | null;
  @Column({ type: 'jsonb', nullable: true }) position: Trilingual | null;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ type: 'text', nullable: true }) country: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
