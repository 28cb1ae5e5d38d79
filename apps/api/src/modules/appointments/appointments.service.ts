import { Injectable } from '@nestjs/common';
import type {
  AppointmentListQuery,
  AppointmentPreviewRequest,
  AppointmentPreviewResponse,
  AppointmentResponse,
  CreateAppointmentRequest,
  Page,
  UpdateAppointmentRequest,
} from '@itb/contracts';
import { allowedTransitions, canTransition, roundTo, toLocalDate, volumeAt } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicsService } from '../clinics/clinics.service.js';
import { FlagEvaluator } from '../flags/flag-evaluator.js';
import { PatientsRepository } from '../patients/patients.repository.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { APPOINTMENT_SELECT, type AppointmentRow, toAppointmentResponse } from './appointment-mappers.js';
import { bookingChecks, toPreviewResponse } from './booking-checks.js';

const DOUBLE_BOOKED = 'appointments_one_per_patient_type_day';

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly patients: PatientsRepository,
    private readonly pumps: PumpsRepository,
    private readonly clinics: ClinicsService,
    private readonly audit: AuditService,
    private readonly flags: FlagEvaluator,
    private readonly clock: Clock,
  ) {}

  /** Keyset page by start time; `from`/`to` are the clinic's calendar dates, inclusive. */
  async list(clinicId: string, query: AppointmentListQuery): Promise<Page<AppointmentResponse>> {
    const params: unknown[] = [clinicId];
    const where = ['a.clinic_id = $1'];
    if (query.from) where.push(`a.starts_on >= $${params.push(query.from)}`);
    if (query.to) where.push(`a.starts_on <= $${params.push(query.to)}`);
    if (query.patientId) where.push(`a.patient_id = $${params.push(query.patientId)}`);
    if (query.clinicianId) where.push(`a.clinician_id = $${params.push(query.clinicianId)}`);
    if (query.type) where.push(`a.type = $${params.push(query.type)}`);
    if (query.status) where.push(`a.status = $${params.push(query.status)}`);
    const after = decodeCursor(query.cursor, 2, 'appointments');
    if (after)
      where.push(`(a.starts_at, a.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = (await this.dataSource.query(
      `${APPOINTMENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.starts_at, a.id LIMIT $${params.push(query.limit + 1)}`,
      params,
    )) as AppointmentRow[];
    const items = await this.respond(this.dataSource.manager, rows.slice(0, query.limit));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.startsAt, last.id], 'appointments') : null,
    };
  }

  /** What booking (or moving) this slot would be saved with; nothing is written. */
  async preview(actor: SessionUser, input: AppointmentPreviewRequest): Promise<AppointmentPreviewResponse> {
    const m = this.dataSource.manager;
    const patient = await this.patients.findInClinic(m, actor.clinicId, input.patientId);
    if (input.appointmentId) await this.findRow(m, actor.clinicId, input.appointmentId);
    const clinic = await this.clinics.get(actor.clinicId, m);
    const checks = await bookingChecks(m, clinic, {
      patientId: patient.id,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes ?? 30,
      appointmentId: input.appointmentId,
    });
    return toPreviewResponse(checks);
  }

  async create(actor: SessionUser, input: CreateAppointmentRequest): Promise<AppointmentResponse> {
    return this.dataSource.transaction(async (m) => {
      const patient = await this.patients.findInClinic(m, actor.clinicId, input.patientId);
      if (patient.status !== 'active') throw AppError.rule('patientId', `is ${patient.status}: no new appointments`);
      const clinic = await this.clinics.get(actor.clinicId, m);
      const startsAt = new Date(input.startsAt);
      if (startsAt <= this.clock.now()) throw AppError.validation('startsAt', 'must be in the future');
      const duration = input.durationMinutes ?? 30;
      await this.checkClinician(m, actor.clinicId, input.clinicianId ?? null);
      const [pump] = (await m.query(`SELECT id FROM pumps WHERE patient_id = $1 AND status = 'active'`, [
        patient.id,
      ])) as { id: string }[];
      if (input.type === 'refill' && !pump) throw AppError.rule('patientId', 'has no active pump to refill');
      const checks = await bookingChecks(m, clinic, { patientId: patient.id, startsAt, durationMinutes: duration });
      const id = await this.insertOrConflict(
        () =>
          m.query(
            `INSERT INTO appointments (clinic_id, patient_id, pump_id, type, starts_at, starts_on, duration_minutes,
             clinician_id, notes, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              actor.clinicId,
              patient.id,
              pump?.id ?? null,
              input.type,
              startsAt,
              toLocalDate(startsAt, clinic.timeZone),
              duration,
              input.clinicianId ?? null,
              input.notes ?? null,
              actor.id,
            ],
          ) as Promise<{ id: string }[]>,
      );
      const created = await this.findRow(m, actor.clinicId, id);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'appointment.create',
        entityType: 'appointment',
        entityId: id,
        patientId: patient.id,
        after: auditView(created),
      });
      if (pump) await this.flags.evaluatePump(m, pump.id, { actorId: actor.id, reason: 'Refill appointment booked' });
      return (await this.respond(m, [created], checks.warnings))[0]!;
    });
  }

  /** A status transition (validated against FHIR's order) or a move of a booked appointment. */
  async update(actor: SessionUser, id: string, input: UpdateAppointmentRequest): Promise<AppointmentResponse> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM appointments WHERE id = $1 AND clinic_id = $2 FOR UPDATE`, [id, actor.clinicId]);
      const before = await this.findRow(m, actor.clinicId, id);
      if (before.version !== input.version) throw AppError.stale('appointment');
      const clinic = await this.clinics.get(actor.clinicId, m);
      const changes: Record<string, unknown> = {};
      if (input.status && input.status !== before.status) {
        if (!canTransition(before.status, input.status)) {
          const allowed = allowedTransitions(before.status);
          throw AppError.rule(
            'status',
            `cannot go from ${before.status} to ${input.status}` +
              (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${before.status} is final)`),
          );
        }
        if (
          (input.status === 'noshow' || input.status === 'arrived') &&
          before.starts_on > toLocalDate(this.clock.now(), clinic.timeZone)
        ) {
          throw AppError.rule('status', `cannot be marked ${input.status} before the appointment's day`);
        }
        if (input.status === 'noshow' && before.starts_at > this.clock.now()) {
          throw AppError.rule('status', 'cannot be marked noshow before the appointment starts');
        }
        changes.status = input.status;
        if (input.status === 'cancelled') changes.status_reason = input.reason;
      }
      const moving = input.startsAt !== undefined || input.durationMinutes !== undefined;
      if (moving && before.status !== 'booked')
        throw AppError.rule('startsAt', `a ${before.status} appointment cannot move`);
      const startsAt = input.startsAt ? new Date(input.startsAt) : before.starts_at;
      if (input.startsAt) {
        if (startsAt <= this.clock.now()) throw AppError.validation('startsAt', 'must be in the future');
        changes.starts_at = startsAt;
        changes.starts_on = toLocalDate(startsAt, clinic.timeZone);
      }
      if (input.durationMinutes !== undefined) changes.duration_minutes = input.durationMinutes;
      if (input.clinicianId !== undefined) {
        await this.checkClinician(m, actor.clinicId, input.clinicianId);
        changes.clinician_id = input.clinicianId;
      }
      if (input.notes !== undefined) changes.notes = input.notes;
      const columns = Object.keys(changes);
      if (columns.length > 0) {
        await this.insertOrConflict(
          () =>
            m.query(
              `UPDATE appointments SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')},
               version = version + 1, updated_at = now() WHERE id = $1 RETURNING id`,
              [id, ...Object.values(changes)],
            ) as Promise<{ id: string }[]>,
        );
      }
      const after = await this.findRow(m, actor.clinicId, id);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: changes.status ? `appointment.${String(changes.status)}` : 'appointment.update',
        entityType: 'appointment',
        entityId: id,
        patientId: before.patient_id,
        before: auditView(before),
        after: auditView(after),
        reason: input.reason ?? null,
      });
      if (after.pump_id && after.type === 'refill') {
        const reason = changes.status ? `Refill appointment ${String(changes.status)}` : 'Refill appointment moved';
        await this.flags.evaluatePump(m, after.pump_id, { actorId: actor.id, reason });
      }
      const checks = moving
        ? await bookingChecks(m, clinic, {
            patientId: after.patient_id,
            startsAt,
            durationMinutes: after.duration_minutes,
            appointmentId: id,
          })
        : null;
      return (await this.respond(m, [after], checks?.warnings ?? []))[0]!;
    });
  }

  /** Appointments as answered, each with its active pump's volume now: one drain query for all of them. */
  private async respond(
    m: EntityManager,
    rows: AppointmentRow[],
    warnings: string[] = [],
  ): Promise<AppointmentResponse[]> {
    const fillIds = [...new Set(rows.flatMap((r) => (r.pump_fill_id ? [r.pump_fill_id] : [])))];
    const drains = fillIds.length > 0 ? await this.pumps.drainInputsOf(m, fillIds) : new Map();
    const now = this.clock.now();
    return rows.map((r) => {
      const drain = r.pump_fill_id ? drains.get(r.pump_fill_id) : undefined;
      return toAppointmentResponse(r, warnings, drain ? roundTo(volumeAt(drain, now), 2) : null);
    });
  }

  private async checkClinician(m: EntityManager, clinicId: string, clinicianId: string | null): Promise<void> {
    if (!clinicianId) return;
    const [user] = (await m.query(
      `SELECT role FROM users WHERE id = $1 AND clinic_id = $2 AND is_active AND role IN ('specialist', 'nurse')`,
      [clinicianId, clinicId],
    )) as unknown[];
    if (!user) throw AppError.rule('clinicianId', 'must be an active specialist or nurse of this clinic');
  }

  /** Runs a write; the one-appointment-per-patient-type-and-day index answers 409, not 500. */
  private async insertOrConflict(write: () => Promise<{ id: string }[]>): Promise<string> {
    try {
      const [row] = await write();
      return row!.id;
    } catch (error) {
      if ((error as { constraint?: string }).constraint === DOUBLE_BOOKED) {
        throw new AppError('CONFLICT', 'This patient already has an appointment of this type that day', [
          { field: 'startsAt', message: 'already booked that day' },
        ]);
      }
      throw error;
    }
  }

  private async findRow(m: EntityManager, clinicId: string, id: string): Promise<AppointmentRow> {
    const [row] = (await m.query(`${APPOINTMENT_SELECT} WHERE a.id = $1 AND a.clinic_id = $2`, [
      id,
      clinicId,
    ])) as AppointmentRow[];
    if (!row) throw AppError.notFound('Appointment');
    return row;
  }
}

const auditView = (r: AppointmentRow) => ({
  type: r.type,
  status: r.status,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  clinicianId: r.clinician_id,
  fillId: r.fill_id,
  statusReason: r.status_reason,
});
