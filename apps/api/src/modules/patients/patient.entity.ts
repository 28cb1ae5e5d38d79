import type {
  Caution,
  Diagnosis,
  InteractingMedicine,
  PatientStatus,
  ReminderChannel,
  RiskFactor,
  Sex,
  SpasticityOrigin,
} from '@itb/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numeric } from '../../database/numeric.transformer.js';

@Entity('patients')
export class PatientEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'clinic_id' }) clinicId: string;
  @Column('text') mrn: string;
  @Column('text', { name: 'given_name' }) givenName: string;
  @Column('text', { name: 'family_name' }) familyName: string;
  @Column('date', { name: 'birth_date' }) birthDate: string;
  @Column('text') sex: Sex;
  @Column('text', { name: 'spasticity_origin' }) spasticityOrigin: SpasticityOrigin;
  @Column('text') diagnosis: Diagnosis;
  @Column('text', { name: 'risk_factors', array: true }) riskFactors: RiskFactor[];
  @Column('text', { array: true }) cautions: Caution[];
  @Column('text', { name: 'interacting_medicines', array: true }) interactingMedicines: InteractingMedicine[];
  @Column({ type: 'boolean', name: 'is_high_risk', insert: false, update: false }) isHighRisk: boolean;
  @Column('numeric', { name: 'oral_baclofen_backup_mg_per_day', nullable: true, transformer: numeric })
  oralBaclofenBackupMgPerDay: number | null;
  @Column('text') status: PatientStatus;
  @Column('uuid', { name: 'primary_specialist_id', nullable: true }) primarySpecialistId: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'emergency_contact', nullable: true }) emergencyContact: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { name: 'postal_address', nullable: true }) postalAddress: string | null;
  @Column('text', { name: 'reminder_channel' }) reminderChannel: ReminderChannel;
  @Column('timestamptz', { name: 'reminders_opted_out_at', nullable: true }) remindersOptedOutAt: Date | null;
  @Column('uuid', { name: 'reminders_opted_out_by', nullable: true }) remindersOptedOutBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
