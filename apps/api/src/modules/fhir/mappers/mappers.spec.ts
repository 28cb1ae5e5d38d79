import { describe, expect, it } from '@jest/globals';
import { toFhirAppointment } from './appointment.fhir.js';
import { toFhirDevice } from './device.fhir.js';
import { toFhirFlag } from './flag.fhir.js';
import { toFhirMedicationRequest } from './medication-request.fhir.js';
import { parseObservationId, toFhirObservations } from './observation.fhir.js';
import { toOperationOutcome } from './operation-outcome.fhir.js';
import { toFhirPatient } from './patient.fhir.js';
import type { FillRow } from './procedure.fhir.js';

const PATIENT_ID = '11111111-1111-4111-8111-111111111111';
const PUMP_ID = '22222222-2222-4222-8222-222222222222';
const FILL_ID = '33333333-3333-4333-8333-333333333333';

describe('FHIR mappers', () => {
  it('maps a patient: MRN of the clinic, name, gender; a transferred patient is no longer active', () => {
    const patient = toFhirPatient({
      id: PATIENT_ID,
      clinicId: 'c1',
      mrn: 'NS-1',
      givenName: 'Ada',
      familyName: 'Lovelace',
      birthDate: '1970-05-14',
      sex: 'female',
      status: 'transferred',
      phone: null,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(patient.identifier?.[0]).toMatchObject({
      system: 'https://itb-clinic.example/fhir/clinic/c1/mrn',
      value: 'NS-1',
    });
    expect(patient).toMatchObject({ active: false, gender: 'female', name: [{ family: 'Lovelace', given: ['Ada'] }] });
    expect(patient.telecom).toBeUndefined();
  });

  it('maps an explanted pump to an inactive Device with its implant date', () => {
    const device = toFhirDevice({
      id: PUMP_ID,
      patientId: PATIENT_ID,
      model: 'prometra_ii_40',
      serialNumber: 'P-9',
      implantedOn: '2020-02-29',
      status: 'explanted',
      reservoirMl: 40,
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(device).toMatchObject({
      status: 'inactive',
      manufacturer: 'Flowonix',
      deviceName: [{ name: 'Prometra II 40 mL', type: 'model-name' }],
      extension: [{ valueDate: '2020-02-29' }],
    });
  });

  it('gives the regimen its daily dose in ug/d and, with a bolus allowance, the day maximum as dose + allowance', () => {
    const request = toFhirMedicationRequest({
      pumpId: PUMP_ID,
      patientId: PATIENT_ID,
      pumpStatus: 'active',
      dailyDoseMcg: 300,
      concentrationMcgPerMl: 500,
      drugProduct: 'Gablofen',
      patientBolusMcgPerDay: 50,
      programmedAt: new Date('2026-03-01T09:00:00Z'),
    });
    const dosage = request.dosageInstruction?.[0];
    expect(dosage?.doseAndRate?.[0]?.rateQuantity).toMatchObject({ value: 300, code: 'ug/d' });
    // 300 programmed + 50 allowance = 350 ug a day at most.
    expect(dosage?.maxDosePerPeriod).toMatchObject({
      numerator: { value: 350, code: 'ug' },
      denominator: { value: 1, code: 'd' },
    });
    expect(request.status).toBe('active');
  });

  it('makes a first fill two Observations (no residual) and a refill four, each part of its Procedure', () => {
    const fill: FillRow = {
      id: FILL_ID,
      pumpId: PUMP_ID,
      patientId: PATIENT_ID,
      performedAt: new Date('2026-03-01T09:00:00Z'),
      performerName: 'Nurse',
      isInitial: true,
      residualFoundMl: null,
      expectedResidualMl: null,
      volumeAddedMl: 20,
      reservoirVolumeAfterMl: 20,
      concentrationMcgPerMl: 2000,
      drugProduct: 'Lioresal',
    };
    expect(toFhirObservations(fill).map((o) => o.id)).toEqual([
      `${FILL_ID}-volume-added`,
      `${FILL_ID}-reservoir-volume`,
    ]);
    const refill = toFhirObservations({ ...fill, isInitial: false, residualFoundMl: 3.5, expectedResidualMl: 4 });
    expect(refill.map((o) => [o.code.coding?.[0]?.code, o.valueQuantity?.value])).toEqual([
      ['residual', 3.5],
      ['expected-residual', 4],
      ['volume-added', 20],
      ['reservoir-volume', 20],
    ]);
    expect(refill[0]?.partOf).toEqual([{ reference: `Procedure/${FILL_ID}` }]);
  });

  it('reads an Observation id back into its fill and volume, and refuses anything else', () => {
    expect(parseObservationId(`${FILL_ID}-expected-residual`)).toEqual({ fillId: FILL_ID, kind: 'expected-residual' });
    expect(parseObservationId(`${FILL_ID}-dose`)).toBeNull();
    expect(parseObservationId(FILL_ID)).toBeNull();
  });

  it('maps a resolved flag to inactive with its period, and an appointment with its end from the duration', () => {
    const flag = toFhirFlag({
      id: FILL_ID,
      patientId: PATIENT_ID,
      code: 'REFILL_OVERDUE',
      severity: 'critical',
      status: 'resolved',
      signKind: null,
      raisedAt: new Date('2026-03-01T09:00:00Z'),
      resolvedAt: new Date('2026-03-02T09:00:00Z'),
    });
    expect(flag).toMatchObject({
      status: 'inactive',
      code: { text: 'Refill overdue (critical)' },
      period: { start: '2026-03-01T09:00:00.000Z', end: '2026-03-02T09:00:00.000Z' },
    });
    const appointment = toFhirAppointment({
      id: FILL_ID,
      patientId: PATIENT_ID,
      pumpId: null,
      type: 'dose_review',
      status: 'cancelled',
      startsAt: new Date('2026-03-01T09:00:00Z'),
      durationMinutes: 45,
      clinicianName: null,
      statusReason: 'Patient in hospital',
      createdAt: new Date('2026-02-01T09:00:00Z'),
    });
    // 09:00 + 45 minutes.
    expect(appointment).toMatchObject({
      end: '2026-03-01T09:45:00.000Z',
      cancelationReason: { text: 'Patient in hospital' },
    });
    expect(appointment.participant).toHaveLength(1);
  });

  it('turns our error body into an OperationOutcome with an issue per field', () => {
    const outcome = toOperationOutcome({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details: [
        { field: 'status', message: 'is not a status' },
        { field: 'date', message: 'is not a date' },
      ],
    });
    expect(outcome.issue.map((i) => [i.code, i.expression])).toEqual([
      ['invalid', ['status']],
      ['invalid', ['date']],
    ]);
    expect(toOperationOutcome({ code: 'INTERNAL', message: 'x', details: [] }).issue).toEqual([
      expect.objectContaining({ severity: 'fatal', code: 'exception' }),
    ]);
  });
});
