import type { EmergencyCard } from '@itb/contracts';

/** A card as the API sends it for a patient with a filled SynchroMed II. */
export function emergencyCard(overrides: Partial<EmergencyCard> = {}): EmergencyCard {
  return {
    patientId: '3c2d1e0f-0000-4000-8000-000000000042',
    patientName: 'Anna Smith',
    birthDate: '1978-03-05',
    pumpModel: 'SynchroMed II 20 mL',
    serialNumber: 'NGP204518H',
    drugProduct: 'Lioresal Intrathecal',
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 412.5,
    alarmDate: '2027-02-14',
    clinicName: 'Northside Pump Clinic',
    emergencyPhone: '+44 20 7946 0999',
    oralBaclofenBackupMgPerDay: 60,
    printedOn: '2026-11-23',
    ...overrides,
  };
}
