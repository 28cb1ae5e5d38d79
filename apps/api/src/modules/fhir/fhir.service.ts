import { Injectable } from '@nestjs/common';
import type { Bundle, CapabilityStatement, Resource } from '@medplum/fhirtypes';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import type { FhirReader } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { FhirRepository, type FhirRowOf, TYPE_SQL } from './fhir.repository.js';
import { FHIR_SEARCH_TYPES, type FhirSearch, type FhirSearchType } from './fhir-search.js';
import { toFhirAppointment } from './mappers/appointment.fhir.js';
import { toSearchsetBundle } from './mappers/bundle.fhir.js';
import { capabilityStatement } from './mappers/capability-statement.fhir.js';
import { toFhirDevice } from './mappers/device.fhir.js';
import { toFhirFlag } from './mappers/flag.fhir.js';
import { toFhirMedicationRequest } from './mappers/medication-request.fhir.js';
import { parseObservationId, toFhirObservation, toFhirObservations } from './mappers/observation.fhir.js';
import { toFhirPatient } from './mappers/patient.fhir.js';
import { toFhirProcedure } from './mappers/procedure.fhir.js';

/** Row → resource, per type: the pure mappers of `mappers/`. */
const TO_RESOURCE: { [T in FhirSearchType]: (row: FhirRowOf[T]) => Resource | null } = {
  Patient: toFhirPatient,
  Device: toFhirDevice,
  MedicationRequest: toFhirMedicationRequest,
  Procedure: toFhirProcedure,
  Observation: (row) => toFhirObservation(row, row.kind),
  Flag: toFhirFlag,
  Appointment: toFhirAppointment,
};

/** Where the request came in and how: the links of a searchset are built from it. */
export interface FhirRequestUrl {
  /** `https://host/api/fhir/R4` */
  baseUrl: string;
  /** The request's own URL, absolute. */
  selfUrl: string;
}

/** The FHIR use cases: search one type (a page), read one resource, a patient's `$everything`. */
@Injectable()
export class FhirService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: FhirRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  capabilities(url: FhirRequestUrl): CapabilityStatement {
    return capabilityStatement(url.baseUrl, this.clock.now().toISOString());
  }

  /**
   * One page of a search as a searchset Bundle. The cursor is the keyset of the page's last row,
   * signed with the type and the filters it was made for, so it cannot be replayed on another search.
   */
  async search<T extends FhirSearchType>(
    type: T,
    reader: FhirReader,
    search: FhirSearch,
    url: FhirRequestUrl,
  ): Promise<Bundle> {
    const scope = `fhir:${type}:${JSON.stringify({ ...search, cursor: undefined, count: undefined })}`;
    const after = decodeCursor(search.cursor, TYPE_SQL[type].order.length, scope);
    const rows = await this.repository.search(type, reader.clinicId, search, after);
    const page = rows.slice(0, search.count);
    const last = page.at(-1);
    let next: string | null = null;
    if (rows.length > search.count && last) {
      const nextUrl = new URL(url.selfUrl);
      nextUrl.searchParams.set(
        '_cursor',
        encodeCursor(TYPE_SQL[type].keyOf(last as unknown as Record<string, unknown>), scope),
      );
      next = nextUrl.toString();
    }
    const toResource = TO_RESOURCE[type] as (row: FhirRowOf[T]) => Resource | null;
    const resources = page.map((row) => toResource(row)).filter((r): r is Resource => r !== null);
    return toSearchsetBundle(url.baseUrl, resources, { self: url.selfUrl, next });
  }

  /** One resource of the reader's clinic; any other id (another clinic's included) answers 404. */
  async read(type: FhirSearchType, reader: FhirReader, id: string): Promise<Resource> {
    if (type === 'Observation' && !parseObservationId(id)) throw AppError.notFound(type);
    const [row] = await this.repository.search(type, reader.clinicId, { ids: [id], dates: [], count: 1 }, null);
    const resource = row ? (TO_RESOURCE[type] as (r: unknown) => Resource | null)(row) : null;
    if (!resource) throw AppError.notFound(type);
    if (type === 'Patient') await this.recordChartRead(reader, id, 'fhir.patient_read');
    return resource;
  }

  /**
   * `Patient/<id>/$everything`: the patient and every record of theirs, one query per type (six in all,
   * whatever the history's length), unpaged: one patient's history is bounded. Recorded as a chart read.
   */
  async everything(reader: FhirReader, patientId: string, url: FhirRequestUrl): Promise<Bundle> {
    const [patient] = await this.repository.search(
      'Patient',
      reader.clinicId,
      { ids: [patientId], dates: [], count: 1 },
      null,
    );
    if (!patient) throw AppError.notFound('Patient');
    const types = FHIR_SEARCH_TYPES.filter((t) => t !== 'Patient' && t !== 'Observation');
    const rowsByType = await Promise.all(
      types.map((type) => this.repository.allOfPatient(type, reader.clinicId, patientId)),
    );
    const resources: Resource[] = [toFhirPatient(patient)];
    types.forEach((type, i) => {
      for (const row of rowsByType[i] ?? []) {
        const resource = (TO_RESOURCE[type] as (r: unknown) => Resource | null)(row);
        if (resource) resources.push(resource);
        // A fill's Observations come from the same row as its Procedure: no query of their own.
        if (type === 'Procedure') resources.push(...toFhirObservations(row as FhirRowOf['Procedure']));
      }
    });
    await this.recordChartRead(reader, patientId, 'fhir.patient_everything');
    return toSearchsetBundle(url.baseUrl, resources, { self: url.selfUrl, next: null });
  }

  /** Reading a patient's record is audited as a chart opening is; a token's read names the token. */
  private async recordChartRead(reader: FhirReader, patientId: string, action: string): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      clinicId: reader.clinicId,
      actorId: reader.userId,
      action,
      entityType: 'patient',
      entityId: patientId,
      patientId,
      after: reader.tokenId ? { via: 'api_token', apiTokenId: reader.tokenId } : { via: 'session' },
    });
  }
}
