import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import type { Bundle, CapabilityStatement, Resource } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { ALL_ROLES, CurrentFhirReader, FhirRead } from '../../common/access.decorators.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';
import type { FhirReader } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { FhirIdPipe } from './fhir-id.pipe.js';
import { type FhirRequestUrl, FhirService } from './fhir.service.js';
import {
  fhirEverythingQuerySchema,
  fhirReadQuerySchema,
  fhirSearchSchemas,
  type FhirSearchQuery,
  type FhirSearchType,
  toFhirSearch,
} from './fhir-search.js';

export const FHIR_BASE_PATH = 'fhir/R4';
export const FHIR_CONTENT_TYPE = 'application/fhir+json';

/** The base and the request's own URL, as the caller addressed this server. */
function urlOf(req: Request): FhirRequestUrl {
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return { baseUrl: `${origin}/api/${FHIR_BASE_PATH}`, selfUrl: `${origin}${req.originalUrl}` };
}

const searchDoc = (type: FhirSearchType, what: string) =>
  Documented({
    operationId: `searchFhir${type}`,
    summary: `Search ${what} (FHIR ${type}), a searchset Bundle paged by its next link`,
    response: { fhir: 'Bundle', description: `A searchset Bundle of ${type} resources` },
  });
const readDoc = (type: FhirSearchType, what: string) =>
  Documented({
    operationId: `readFhir${type}`,
    summary: `Read one ${what} (FHIR ${type})`,
    response: { fhir: type, description: `The ${type}` },
    errors: ['NOT_FOUND'],
  });

/**
 * The read-only FHIR R4 API (`/api/fhir/R4`): a CapabilityStatement, search and read of seven types,
 * `Patient/$everything`. A signed-in user of any role (administrators read clinical records read-only
 * anyway) or a personal API token; either reads its own clinic only. Answers are application/fhir+json,
 * errors OperationOutcomes (the error filter).
 */
@DocumentedTag('FHIR R4', "Read-only FHIR R4 view of the clinic's records, for sessions and personal API tokens.")
@Controller(FHIR_BASE_PATH)
@FhirRead(...ALL_ROLES)
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Documented({
    operationId: 'getFhirCapabilityStatement',
    summary: 'The FHIR CapabilityStatement of this server',
    response: { fhir: 'CapabilityStatement', description: 'What this FHIR server supports' },
  })
  @Get('metadata')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  metadata(@Req() req: Request, @Query(new ZodPipe(fhirReadQuerySchema)) _query: object): CapabilityStatement {
    return this.fhir.capabilities(urlOf(req));
  }

  @searchDoc('Patient', 'patients')
  @Get('Patient')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchPatients(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Patient)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Patient', reader, toFhirSearch(query), urlOf(req));
  }

  @Documented({
    operationId: 'fhirPatientEverything',
    summary:
      "A patient's whole record (Patient/$everything): the patient, pumps, regimens, refills with their volumes, flags, appointments",
    response: { fhir: 'Bundle', description: 'A searchset Bundle, the Patient first' },
  })
  @Get('Patient/:id/$everything')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  everything(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Param('id', IdPipe) id: string,
    @Query(new ZodPipe(fhirEverythingQuerySchema)) _query: object,
  ): Promise<Bundle> {
    return this.fhir.everything(reader, id, urlOf(req));
  }

  @readDoc('Patient', 'patient')
  @Get('Patient/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readPatient(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Patient', reader, id);
  }

  @searchDoc('Device', 'implanted pumps')
  @Get('Device')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchDevices(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Device)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Device', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('Device', 'implanted pump')
  @Get('Device/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readDevice(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Device', reader, id);
  }

  @searchDoc('MedicationRequest', 'programmed intrathecal baclofen regimens (one per pump)')
  @Get('MedicationRequest')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchMedicationRequests(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.MedicationRequest)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('MedicationRequest', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('MedicationRequest', "pump's programmed regimen")
  @Get('MedicationRequest/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readMedicationRequest(
    @CurrentFhirReader() reader: FhirReader,
    @Param('id', FhirIdPipe) id: string,
  ): Promise<Resource> {
    return this.fhir.read('MedicationRequest', reader, id);
  }

  @searchDoc('Procedure', 'refills')
  @Get('Procedure')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchProcedures(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Procedure)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Procedure', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('Procedure', 'refill')
  @Get('Procedure/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readProcedure(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Procedure', reader, id);
  }

  @searchDoc('Observation', "refills' volumes (residual found, expected residual, added, reservoir after)")
  @Get('Observation')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchObservations(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Observation)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Observation', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('Observation', "refill's volume")
  @Get('Observation/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readObservation(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Observation', reader, id);
  }

  @searchDoc('Flag', 'withdrawal-risk flags')
  @Get('Flag')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchFlags(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Flag)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Flag', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('Flag', 'withdrawal-risk flag')
  @Get('Flag/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readFlag(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Flag', reader, id);
  }

  @searchDoc('Appointment', 'appointments')
  @Get('Appointment')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchAppointments(
    @CurrentFhirReader() reader: FhirReader,
    @Req() req: Request,
    @Query(new ZodPipe(fhirSearchSchemas.Appointment)) query: FhirSearchQuery,
  ): Promise<Bundle> {
    return this.fhir.search('Appointment', reader, toFhirSearch(query), urlOf(req));
  }

  @readDoc('Appointment', 'appointment')
  @Get('Appointment/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readAppointment(@CurrentFhirReader() reader: FhirReader, @Param('id', FhirIdPipe) id: string): Promise<Resource> {
    return this.fhir.read('Appointment', reader, id);
  }
}
