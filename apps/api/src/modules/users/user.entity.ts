import type { Role } from '@itb/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text') role: Role;
  /** Null until the user sets a password through their invitation (and again after a reset). */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  /** SHA-256 of the pending one-time invitation token; the token itself is shown once to the admin. */
  @Column('text', { name: 'invitation_token_hash', nullable: true }) invitationTokenHash: string | null;
  @Column('timestamptz', { name: 'invitation_expires_at', nullable: true }) invitationExpiresAt: Date | null;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt: Date | null;
  @Column('boolean', { name: 'is_active' }) isActive: boolean;
  @Column('boolean', { name: 'staff_digest' }) staffDigest: boolean;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
