import type { PumpEventType } from '@itb/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/numeric.transformer.js';

@Entity('pump_events')
export class PumpEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('uuid', { name: 'pump_id' }) pumpId: string;
  @Column('text') type: PumpEventType;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('uuid', { name: 'recorded_by' }) recordedBy: string;
  @Column('numeric', { name: 'volume_ml', nullable: true, transformer: numeric }) volumeMl: number | null;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
