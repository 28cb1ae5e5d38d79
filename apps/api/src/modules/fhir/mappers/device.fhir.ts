import { PUMP_CATALOGUE, type PumpModel } from '@itb/domain';
import type { Device } from '@medplum/fhirtypes';
import { ITB_CODES, ITB_EXTENSIONS, patientRef } from './fhir-codes.js';

export interface PumpRow {
  id: string;
  patientId: string;
  model: PumpModel;
  serialNumber: string;
  /** YYYY-MM-DD */
  implantedOn: string;
  status: 'active' | 'explanted';
  reservoirMl: number;
  updatedAt: Date;
}

const MANUFACTURERS: Partial<Record<PumpModel, string>> = {
  synchromed_ii_20: 'Medtronic',
  synchromed_ii_40: 'Medtronic',
  prometra_ii_20: 'Flowonix',
  prometra_ii_40: 'Flowonix',
};

/**
 * The implanted pump as FHIR R4 Device: model (the catalogue's name and our code), serial number,
 * status (an explanted pump is `inactive`), the patient. R4's Device has no implant date, so it rides
 * in an extension (`valueDate`).
 */
export function toFhirDevice(row: PumpRow): Device {
  const label = PUMP_CATALOGUE[row.model].label;
  const manufacturer = MANUFACTURERS[row.model];
  return {
    resourceType: 'Device',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    extension: [{ url: ITB_EXTENSIONS.implantDate, valueDate: row.implantedOn }],
    status: row.status === 'active' ? 'active' : 'inactive',
    ...(manufacturer ? { manufacturer } : {}),
    serialNumber: row.serialNumber,
    deviceName: [{ name: label, type: 'model-name' }],
    modelNumber: row.model,
    type: {
      coding: [{ system: ITB_CODES.pumpModel, code: row.model, display: label }],
      text: 'Implantable intrathecal drug infusion pump',
    },
    property: [
      {
        type: { text: 'Reservoir capacity' },
        valueQuantity: [{ value: row.reservoirMl, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' }],
      },
    ],
    patient: patientRef(row.patientId),
  };
}
