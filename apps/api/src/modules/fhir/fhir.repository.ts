import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DateBoundValue, DateCondition } from './fhir-date-param.js';
import type { FhirSearch, FhirSearchType } from './fhir-search.js';
import type { AppointmentRow } from './mappers/appointment.fhir.js';
import type { PumpRow } from './mappers/device.fhir.js';
import type { FlagRow } from './mappers/flag.fhir.js';
import type { RegimenRow } from './mappers/medication-request.fhir.js';
import type { RefillObservationKind } from './mappers/observation.fhir.js';
import type { PatientRow } from './mappers/patient.fhir.js';
import { mrnSystem } from './mappers/fhir-codes.js';
import type { FillRow } from './mappers/procedure.fhir.js';

export type FhirRowOf = {
  Patient: PatientRow;
  Device: PumpRow;
  MedicationRequest: RegimenRow;
  Procedure: FillRow;
  Observation: FillRow & { kind: RefillObservationKind };
  Flag: FlagRow;
  Appointment: AppointmentRow;
};

/** A keyset position: the sort key of a page's last row. */
export type Keyset = (string | number)[];

/** Builds one parameterised statement: `p(value)` adds a parameter and answers its placeholder. */
class Sql {
  readonly params: unknown[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidsOf = (ids: readonly string[]) => ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());

/**
 * How each type reads: its rows (one statement, joins included, so a page is one query whatever its
 * size), its clinic, id, patient, status and date columns, and its keyset order (the last key is unique).
 */
interface TypeSql {
  from: string;
  clinic: string;
  id: string;
  patient: string | null;
  date: string | null;
  /** The condition for a list of FHIR statuses, or null when the type is not searched by status. */
  status: ((sql: Sql, statuses: string[]) => string) | null;
  order: { column: string; cast: 'timestamptz' | 'uuid' | 'int' }[];
  /** The keyset values of a row, in `order`'s order. */
  keyOf: (row: Record<string, unknown>) => Keyset;
}

const PATIENT_COLUMNS = `p.id, p.clinic_id AS "clinicId", p.mrn, p.given_name AS "givenName", p.family_name AS "familyName",
  p.birth_date::text AS "birthDate", p.sex, p.status, p.phone, p.updated_at AS "updatedAt"`;
const PUMP_COLUMNS = `pu.id, pu.patient_id AS "patientId", pu.model, pu.serial_number AS "serialNumber",
  pu.implanted_on::text AS "implantedOn", pu.status, pu.reservoir_ml::float8 AS "reservoirMl", pu.updated_at AS "updatedAt"`;
const FILL_COLUMNS = `f.id, f.pump_id AS "pumpId", pu.patient_id AS "patientId", f.performed_at AS "performedAt",
  u.name AS "performerName", f.is_initial AS "isInitial", f.residual_found_ml::float8 AS "residualFoundMl",
  f.expected_residual_ml::float8 AS "expectedResidualMl", f.volume_added_ml::float8 AS "volumeAddedMl",
  f.reservoir_volume_after_ml::float8 AS "reservoirVolumeAfterMl",
  f.concentration_mcg_per_ml::float8 AS "concentrationMcgPerMl", f.drug_product AS "drugProduct"`;
const FILL_FROM = `fills f JOIN pumps pu ON pu.id = f.pump_id JOIN users u ON u.id = f.performed_by`;

const iso = (v: unknown) => (v as Date).toISOString();
const str = (v: unknown) => v as string;

/** Pump status by the FHIR status searched (Device active/inactive, MedicationRequest active/stopped). */
const pumpStatus = (sql: Sql, statuses: string[]) =>
  `pu.status = ANY(${sql.p(statuses.map((s) => (s === 'active' ? 'active' : 'explanted')))}::text[])`;
/** Procedures are all `completed` and Observations all `final`: the one status matches every row. */
const always = () => 'true';

export const TYPE_SQL: Record<FhirSearchType, TypeSql> = {
  Patient: {
    from: `SELECT ${PATIENT_COLUMNS} FROM patients p`,
    clinic: 'p.clinic_id',
    id: 'p.id',
    patient: 'p.id',
    date: null,
    status: null,
    order: [{ column: 'p.id', cast: 'uuid' }],
    keyOf: (r) => [str(r.id)],
  },
  Device: {
    from: `SELECT ${PUMP_COLUMNS} FROM pumps pu`,
    clinic: 'pu.clinic_id',
    id: 'pu.id',
    patient: 'pu.patient_id',
    date: null,
    status: pumpStatus,
    order: [{ column: 'pu.id', cast: 'uuid' }],
    keyOf: (r) => [str(r.id)],
  },
  MedicationRequest: {
    // The dose programmed now is the pump's (dose changes keep it current); the concentration the current fill's.
    from: `SELECT pu.id AS "pumpId", pu.patient_id AS "patientId", pu.status AS "pumpStatus",
             coalesce(pu.current_daily_dose_mcg, f.daily_dose_mcg)::float8 AS "dailyDoseMcg",
             f.concentration_mcg_per_ml::float8 AS "concentrationMcgPerMl", f.drug_product AS "drugProduct",
             f.patient_bolus_mcg_per_day::float8 AS "patientBolusMcgPerDay",
             greatest(f.performed_at, da.last_at) AS "programmedAt"
           FROM pumps pu
           JOIN fills f ON f.id = pu.current_fill_id
           LEFT JOIN LATERAL (
             SELECT max(d.effective_at) AS last_at FROM dose_adjustments d
             WHERE d.pump_id = pu.id AND d.effective_at >= f.performed_at
           ) da ON true`,
    clinic: 'pu.clinic_id',
    id: 'pu.id',
    patient: 'pu.patient_id',
    date: null,
    status: pumpStatus,
    order: [{ column: 'pu.id', cast: 'uuid' }],
    keyOf: (r) => [str(r.pumpId)],
  },
  Procedure: {
    from: `SELECT ${FILL_COLUMNS} FROM ${FILL_FROM}`,
    clinic: 'f.clinic_id',
    id: 'f.id',
    patient: 'pu.patient_id',
    date: 'f.performed_at',
    status: always,
    order: [
      { column: 'f.performed_at', cast: 'timestamptz' },
      { column: 'f.id', cast: 'uuid' },
    ],
    keyOf: (r) => [iso(r.performedAt), str(r.id)],
  },
  Observation: {
    // Each fill's recorded volumes, one row per volume (an absent residual is no Observation).
    from: `SELECT ${FILL_COLUMNS}, v.kind, v.ord FROM ${FILL_FROM}
           CROSS JOIN LATERAL (VALUES
             (1, 'residual', f.residual_found_ml), (2, 'expected-residual', f.expected_residual_ml),
             (3, 'volume-added', f.volume_added_ml), (4, 'reservoir-volume', f.reservoir_volume_after_ml)
           ) v(ord, kind, value)`,
    clinic: 'f.clinic_id',
    id: `(f.id::text || '-' || v.kind)`,
    patient: 'pu.patient_id',
    date: 'f.performed_at',
    status: always,
    order: [
      { column: 'f.performed_at', cast: 'timestamptz' },
      { column: 'f.id', cast: 'uuid' },
      { column: 'v.ord', cast: 'int' },
    ],
    keyOf: (r) => [iso(r.performedAt), str(r.id), Number(r.ord)],
  },
  Flag: {
    from: `SELECT fl.id, fl.patient_id AS "patientId", fl.code, fl.severity, fl.status,
             fl.details->>'kind' AS "signKind", fl.raised_at AS "raisedAt", fl.resolved_at AS "resolvedAt"
           FROM flags fl`,
    clinic: 'fl.clinic_id',
    id: 'fl.id',
    patient: 'fl.patient_id',
    date: 'fl.raised_at',
    status: (sql, statuses) =>
      [
        ...(statuses.includes('active') ? [`fl.status <> 'resolved'`] : []),
        ...(statuses.includes('inactive') ? [`fl.status = 'resolved'`] : []),
      ].join(' OR ') || 'false',
    order: [
      { column: 'fl.raised_at', cast: 'timestamptz' },
      { column: 'fl.id', cast: 'uuid' },
    ],
    keyOf: (r) => [iso(r.raisedAt), str(r.id)],
  },
  Appointment: {
    from: `SELECT a.id, a.patient_id AS "patientId", a.pump_id AS "pumpId", a.type, a.status,
             a.starts_at AS "startsAt", a.duration_minutes AS "durationMinutes", u.name AS "clinicianName",
             a.status_reason AS "statusReason", a.created_at AS "createdAt"
           FROM appointments a LEFT JOIN users u ON u.id = a.clinician_id`,
    clinic: 'a.clinic_id',
    id: 'a.id',
    patient: 'a.patient_id',
    date: 'a.starts_at',
    status: (sql, statuses) => `a.status = ANY(${sql.p(statuses)}::text[])`,
    order: [
      { column: 'a.starts_at', cast: 'timestamptz' },
      { column: 'a.id', cast: 'uuid' },
    ],
    keyOf: (r) => [iso(r.startsAt), str(r.id)],
  },
};

const boundSql = (sql: Sql, bound: DateBoundValue, zoneSql: string) =>
  bound.isLocal ? `(${sql.p(bound.text)}::timestamp AT TIME ZONE ${zoneSql})` : `${sql.p(bound.text)}::timestamptz`;

function dateSql(sql: Sql, column: string, condition: DateCondition, zoneSql: string): string {
  const start = () => boundSql(sql, condition.start, zoneSql);
  const end = () => boundSql(sql, condition.end, zoneSql);
  switch (condition.prefix) {
    case 'eq':
      return `(${column} >= ${start()} AND ${column} < ${end()})`;
    case 'ge':
      return `${column} >= ${start()}`;
    case 'gt':
      return `${column} >= ${end()}`;
    case 'le':
      return `${column} < ${end()}`;
    case 'lt':
      return `${column} < ${start()}`;
    default: {
      const unreachable: never = condition.prefix;
      return unreachable;
    }
  }
}

/**
 * Reads FHIR's rows for one clinic: every search is one statement (filters, keyset and limit in SQL),
 * so a page costs one query whatever its size, and `$everything` one per type.
 */
@Injectable()
export class FhirRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of a search: up to `search.count + 1` rows after `after` (the extra one says a next page exists). */
  async search<T extends FhirSearchType>(
    type: T,
    clinicId: string,
    search: FhirSearch,
    after: Keyset | null,
  ): Promise<FhirRowOf[T][]> {
    const def = TYPE_SQL[type];
    const sql = new Sql();
    const clinic = sql.p(clinicId);
    const zone = `(SELECT time_zone FROM clinics WHERE id = ${clinic})`;
    const where = [`${def.clinic} = ${clinic}`];
    if (search.ids) where.push(this.idCondition(sql, type, search.ids));
    if (search.patientIds) {
      if (!def.patient) return [];
      where.push(`${def.patient} = ANY(${sql.p(uuidsOf(search.patientIds))}::uuid[])`);
    }
    if (search.identifier) {
      const { system, value } = search.identifier;
      // An MRN of another system (another clinic's, say) is no MRN of this clinic.
      if (type !== 'Patient' || (system !== null && system !== mrnSystem(clinicId))) return [];
      where.push(`p.mrn = ${sql.p(value)}`);
    }
    if (search.statuses && def.status) where.push(`(${def.status(sql, search.statuses)})`);
    for (const condition of search.dates) {
      if (def.date) where.push(dateSql(sql, def.date, condition, zone));
    }
    if (type === 'Observation') where.push('v.value IS NOT NULL');
    if (after) {
      const columns = def.order.map((o) => o.column).join(', ');
      const values = def.order.map((o, i) => `${sql.p(after[i])}::${o.cast}`).join(', ');
      where.push(`(${columns}) > (${values})`);
    }
    const order = def.order.map((o) => o.column).join(', ');
    const statement = `${def.from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${sql.p(search.count + 1)}`;
    return (await this.dataSource.query(statement, sql.params)) as FhirRowOf[T][];
  }

  /** Every row of one patient, of one type: `$everything` reads each type once. */
  async allOfPatient<T extends FhirSearchType>(type: T, clinicId: string, patientId: string): Promise<FhirRowOf[T][]> {
    const def = TYPE_SQL[type];
    const where = [`${def.clinic} = $1`, `${def.patient} = $2`];
    if (type === 'Observation') where.push('v.value IS NOT NULL');
    const order = def.order.map((o) => o.column).join(', ');
    return (await this.dataSource.query(`${def.from} WHERE ${where.join(' AND ')} ORDER BY ${order}`, [
      clinicId,
      patientId,
    ])) as FhirRowOf[T][];
  }

  private idCondition(sql: Sql, type: FhirSearchType, ids: string[]): string {
    const def = TYPE_SQL[type];
    if (type !== 'Observation') return `${def.id} = ANY(${sql.p(uuidsOf(ids))}::uuid[])`;
    // `<fill id>-<kind>`: the fill ids reach the index, the whole id picks the volume.
    const fillIds = uuidsOf(ids.map((id) => id.slice(0, 36)));
    return `(f.id = ANY(${sql.p(fillIds)}::uuid[]) AND ${def.id} = ANY(${sql.p(ids.map((i) => i.toLowerCase()))}::text[]))`;
  }
}
