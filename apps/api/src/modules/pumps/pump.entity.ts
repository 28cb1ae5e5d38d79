import type { PumpModel } from '@itb/domain';
import type { PumpStatus } from '@itb/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numeric } from '../../database/numeric.transformer.js';

@Entity('pumps')
export class PumpEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('uuid', { name: 'patient_id' }) patientId: string;
  @Column('text') model: PumpModel;
  @Column('text', { name: 'serial_number' }) serialNumber: string;
  @Column('date', { name: 'implanted_on' }) implantedOn: string;
  @Column('numeric', { name: 'reservoir_ml', transformer: numeric }) reservoirMl: number;
  @Column('numeric', { name: 'alarm_ml', transformer: numeric }) alarmMl: number;
  @Column('text', { name: 'catheter_tip_level', nullable: true }) catheterTipLevel: string | null;
  @Column('date', { name: 'eri_date', nullable: true }) eriDate: string | null;
  @Column('text') status: PumpStatus;
  @Column('date', { name: 'explanted_on', nullable: true }) explantedOn: string | null;
  @Column('text', { name: 'explant_reason', nullable: true }) explantReason: string | null;
  @Column('uuid', { name: 'current_fill_id', nullable: true }) currentFillId: string | null;
  @Column('numeric', { name: 'current_daily_dose_mcg', nullable: true, transformer: numeric })
  currentDailyDoseMcg: number | null;
  /** Stored projection of the current fill, kept current on every write (the queue reads these). */
  @Column('timestamptz', { name: 'alarm_at', nullable: true }) alarmAt: Date | null;
  @Column('timestamptz', { name: 'empty_at', nullable: true }) emptyAt: Date | null;
  @Column('date', { name: 'refill_by', nullable: true }) refillBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
