import type { FlagResponse } from '@itb/contracts';

export const PATIENT_ID = '7d0c2f1e-0000-4000-8000-000000000001';

/** A flag as `GET /api/flags` answers it: an open rule flag unless told otherwise. */
export const flagFixture = (overrides: Partial<FlagResponse> = {}): FlagResponse => ({
  id: 'f1a90000-0000-4000-8000-000000000001',
  patientId: PATIENT_ID,
  patientName: 'Smith, Anna',
  mrn: 'NS-000001',
  isHighRisk: false,
  pumpId: 'b0a70000-0000-4000-8000-000000000001',
  code: 'REFILL_OVERDUE',
  severity: 'critical',
  status: 'open',
  raisedAt: '2026-11-23T10:20:00.000Z',
  raisedBy: null,
  details: {
    summary: 'Low-reservoir alarm at 20 Nov 2026, 05:20 GMT; no refill booked',
    facts: { alarmAt: '2026-11-20T05:20:00.000Z' },
  },
  acknowledged: null,
  resolved: null,
  version: 1,
  ...overrides,
});

export const NURSE = { id: 'a1100000-0000-4000-8000-000000000001', name: 'Nurse Tom Hughes' };
export const SPECIALIST = { id: 'a1100000-0000-4000-8000-000000000002', name: 'Dr Amara Okafor' };
