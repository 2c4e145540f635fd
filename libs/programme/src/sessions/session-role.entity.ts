import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SessionRoleKind } from '../programme-vocabulary.js';

/** A person in a session. The session's time and status are copied here by triggers (see the migration). */
@Entity({ name: 'session_role' })
export class SessionRole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) role: SessionRoleKind;
  @Column({ name: 'protocol_order', type: 'int' }) protocolOrder: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
