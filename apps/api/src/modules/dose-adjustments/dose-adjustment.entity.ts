import type { DoseReason } from '@itb/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/numeric.transformer.js';

@Entity('dose_adjustments')
export class DoseAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('uuid', { name: 'pump_id' }) pumpId: string;
  /** The fill interval the change belongs to: it drains that fill faster or slower. */
  @Column('uuid', { name: 'fill_id' }) fillId: string;
  @Column('timestamptz', { name: 'effective_at' }) effectiveAt: Date;
  @Column('numeric', { name: 'previous_daily_dose_mcg', transformer: numeric }) previousDailyDoseMcg: number;
  @Column('numeric', { name: 'new_daily_dose_mcg', transformer: numeric }) newDailyDoseMcg: number;
  @Column('text') reason: DoseReason;
  @Column('uuid', { name: 'ordered_by' }) orderedBy: string;
  @Column('uuid', { name: 'recorded_by' }) recordedBy: string;
  @Column('text', { name: 'override_reason', nullable: true }) overrideReason: string | null;
  @Column('jsonb', { name: 'limit_check' }) limitCheck: object;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
