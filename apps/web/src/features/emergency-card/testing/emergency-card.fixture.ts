import { type EmergencyCard, MRI_INSTRUCTIONS } from '@itb/contracts';

/** A card as the API sends it for a patient with a filled SynchroMed II. */
export function emergencyCard(overrides: Partial<EmergencyCard> = {}): EmergencyCard {
  return {
    patientId: '3c2d1e0f-0000-4000-8000-000000000042',
    patientName: 'Anna Smith',
    birthDate: '1958-03-05',
    ageBand: 'age_over_65',
    pumpModel: 'SynchroMed II 20 mL',
    pumpModelCode: 'synchromed_ii_20',
    serialNumber: 'NGP204518H',
    catheterTipLevel: 'T10',
    drugProduct: 'Lioresal Intrathecal',
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 412.5,
    alarmDate: '2027-02-14',
    refillByDate: '2027-02-09',
    clinicName: 'Northside Pump Clinic',
    emergencyPhone: '+44 20 7946 0999',
    cautions: ['epilepsy', 'breastfeeding'],
    interactingMedicines: ['opioids', 'sleep_aids'],
    oralBaclofenBackupMgPerDay: 60,
    mriInstruction: MRI_INSTRUCTIONS.synchromed,
    printedOn: '2026-11-23',
    ...overrides,
  };
}
