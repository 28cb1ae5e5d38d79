import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('clinics')
export class ClinicEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('smallint', { name: 'clinic_days', array: true }) clinicDays: number[];
  @Column('integer', { name: 'refill_lead_days' }) refillLeadDays: number;
  @Column('integer', { name: 'due_soon_window_days' }) dueSoonWindowDays: number;
  @Column('integer', { name: 'max_drug_days_in_pump' }) maxDrugDaysInPump: number;
  @Column('text', { name: 'emergency_phone', nullable: true }) emergencyPhone: string | null;
  @Column('text', { name: 'opens_at' }) opensAt: string;
  @Column('text', { name: 'closes_at' }) closesAt: string;
  @Column('integer', { name: 'slots_per_day' }) slotsPerDay: number;
  @Column('smallint', { name: 'reminder_days_before', array: true }) reminderDaysBefore: number[];
  @Column('text', { name: 'messages_at' }) messagesAt: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
