import type { RefillQueueRow } from '@itb/contracts';

/** A queue row of the DESIGN.md worked example: a SynchroMed II 20 mL at 0.2 mL/day. */
export const queueRow = (overrides: Partial<RefillQueueRow> = {}): RefillQueueRow => ({
  patientId: '7d0c2f1e-0000-4000-8000-000000000001',
  pumpId: '7d0c2f1e-0000-4000-8000-0000000000a1',
  mrn: 'NS-000001',
  patientName: 'Smith, Anna',
  isHighRisk: false,
  pumpModel: 'synchromed_ii_20',
  reservoirMl: 20,
  volumeNowMl: 3.2,
  daysToAlarm: 6,
  alarmAt: '2026-11-29T10:00:00.000Z',
  emptyAt: '2026-12-09T10:00:00.000Z', // 2 mL at 0.2 mL/day after the alarm
  hoursWithoutDrug: null,
  refillBy: '2026-11-24',
  isOverdue: false,
  daysOverdue: 0,
  proposedDate: '2026-11-24',
  primarySpecialistName: 'Dr Amara Okafor',
  nextAppointment: null,
  worstFlag: null,
  ...overrides,
});
