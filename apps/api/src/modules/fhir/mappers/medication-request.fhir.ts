import type { MedicationRequest } from '@medplum/fhirtypes';
import { BACLOFEN, instant, INTRATHECAL_ROUTE, patientRef, deviceRef, ucum } from './fhir-codes.js';

export interface RegimenRow {
  /** The pump's id: one regimen per pump, the one programmed now (or when it was explanted). */
  pumpId: string;
  patientId: string;
  pumpStatus: 'active' | 'explanted';
  dailyDoseMcg: number;
  concentrationMcgPerMl: number;
  drugProduct: string;
  patientBolusMcgPerDay: number | null;
  /** When this dose was programmed: the later of the current fill and the last dose change. */
  programmedAt: Date;
}

const MEDICATION_ID = 'baclofen';

/**
 * The intrathecal baclofen regimen programmed into a pump as FHIR R4 MedicationRequest: the drug
 * (SNOMED baclofen, the product name and its concentration as a contained Medication's strength in
 * ug/mL), the intrathecal route and the daily dose as a rate in ug/d (UCUM), continuous. An active
 * pump's regimen is `active`; an explanted pump's is `stopped`.
 */
export function toFhirMedicationRequest(row: RegimenRow): MedicationRequest {
  const bolus = row.patientBolusMcgPerDay;
  return {
    resourceType: 'MedicationRequest',
    id: row.pumpId,
    contained: [
      {
        resourceType: 'Medication',
        id: MEDICATION_ID,
        code: { ...BACLOFEN, text: row.drugProduct },
        ingredient: [
          {
            itemCodeableConcept: BACLOFEN,
            isActive: true,
            strength: { numerator: ucum(row.concentrationMcgPerMl, 'ug'), denominator: ucum(1, 'mL') },
          },
        ],
      },
    ],
    status: row.pumpStatus === 'active' ? 'active' : 'stopped',
    intent: 'order',
    medicationReference: { reference: `#${MEDICATION_ID}`, display: row.drugProduct },
    subject: patientRef(row.patientId),
    authoredOn: instant(row.programmedAt),
    supportingInformation: [deviceRef(row.pumpId)],
    dosageInstruction: [
      {
        text:
          `${row.dailyDoseMcg} mcg/day intrathecal baclofen (${row.concentrationMcgPerMl} mcg/mL) by implanted pump` +
          (bolus ? `, patient bolus allowance up to ${bolus} mcg/day` : ''),
        route: INTRATHECAL_ROUTE,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ rateQuantity: ucum(row.dailyDoseMcg, 'ug/d') }],
        // With a patient bolus allowance the most a day can deliver is the programmed dose plus all of it.
        ...(bolus
          ? { maxDosePerPeriod: { numerator: ucum(row.dailyDoseMcg + bolus, 'ug'), denominator: ucum(1, 'd') } }
          : {}),
      },
    ],
  };
}
