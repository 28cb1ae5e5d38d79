import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/numeric.transformer.js';

@Entity('fills')
export class FillEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('uuid', { name: 'pump_id' }) pumpId: string;
  @Column('timestamptz', { name: 'performed_at' }) performedAt: Date;
  @Column('uuid', { name: 'performed_by' }) performedBy: string;
  @Column('boolean', { name: 'is_initial' }) isInitial: boolean;
  @Column('numeric', { name: 'residual_withdrawn_ml', nullable: true, transformer: numeric })
  residualWithdrawnMl: number | null;
  @Column('numeric', { name: 'volume_added_ml', transformer: numeric }) volumeAddedMl: number;
  @Column('numeric', { name: 'reservoir_volume_after_ml', transformer: numeric }) reservoirVolumeAfterMl: number;
  @Column('text', { name: 'drug_product' }) drugProduct: string;
  @Column('numeric', { name: 'concentration_mcg_per_ml', transformer: numeric }) concentrationMcgPerMl: number;
  @Column('text', { name: 'lot_number' }) lotNumber: string;
  @Column('date', { name: 'lot_expires_on' }) lotExpiresOn: string;
  @Column('numeric', { name: 'daily_dose_mcg', transformer: numeric }) dailyDoseMcg: number;
  @Column('text') mode: 'simple' | 'flex';
  @Column('jsonb', { name: 'flex_steps', nullable: true }) flexSteps: unknown;
  @Column('numeric', { name: 'patient_bolus_mcg_per_day', nullable: true, transformer: numeric })
  patientBolusMcgPerDay: number | null;
  @Column('text', { nullable: true }) notes: string | null;
  /** Withdrawn + left in the reservoir: what the pump held at this refill (null for first fills). */
  @Column('numeric', { name: 'residual_found_ml', nullable: true, transformer: numeric })
  residualFoundMl: number | null;
  /** Patient-activated boluses since the last refill, mL, as the controller reported them. */
  @Column('numeric', { name: 'patient_boluses_delivered_ml', nullable: true, transformer: numeric })
  patientBolusesDeliveredMl: number | null;
  /** A concentration change with drug left in the reservoir: the mix and the dose it really delivers. */
  @Column('numeric', { name: 'mixed_concentration_mcg_per_ml', nullable: true, transformer: numeric })
  mixedConcentrationMcgPerMl: number | null;
  @Column('numeric', { name: 'real_daily_dose_mcg', nullable: true, transformer: numeric })
  realDailyDoseMcg: number | null;
  /** The refill found the pump dry: empty since this instant (projected, or a recorded empty alarm). */
  @Column('timestamptz', { name: 'empty_since', nullable: true }) emptySince: Date | null;
  /** Answers to "was a bridge bolus given?" (concentration change) and "a priming bolus?" (dry pump). */
  @Column('boolean', { name: 'bridge_bolus_given', nullable: true }) bridgeBolusGiven: boolean | null;
  @Column('boolean', { name: 'priming_bolus_given', nullable: true }) primingBolusGiven: boolean | null;
  @Column('numeric', { name: 'expected_residual_ml', nullable: true, transformer: numeric })
  expectedResidualMl: number | null;
  @Column('numeric', { name: 'discrepancy_ml', nullable: true, transformer: numeric }) discrepancyMl: number | null;
  @Column('numeric', { name: 'delivery_error_pct', nullable: true, transformer: numeric })
  deliveryErrorPct: number | null;
  @Column('timestamptz', { name: 'alarm_at' }) alarmAt: Date;
  @Column('timestamptz', { name: 'empty_at' }) emptyAt: Date;
  @Column('date', { name: 'refill_by' }) refillBy: string;
  /** The refill-by date and alarm this refill answered to (the pump's projection just before it); null for first fills. */
  @Column('date', { name: 'due_refill_by', nullable: true }) dueRefillBy: string | null;
  @Column('timestamptz', { name: 'due_alarm_at', nullable: true }) dueAlarmAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
