import type { AuditEventResponse } from '@itb/contracts';

export const NURSE_ID = 'a1100000-0000-4000-8000-000000000001';
export const PATIENT_ID = '7d0c2f1e-0000-4000-8000-000000000001';

/** An audit event as `GET /api/audit-events` answers it: a nurse's check-in unless told otherwise. */
export const auditEventFixture = (overrides: Partial<AuditEventResponse> = {}): AuditEventResponse => ({
  id: '1042',
  actorId: NURSE_ID,
  actorName: 'Nurse Tom Hughes',
  action: 'appointment.arrived',
  entityType: 'appointment',
  entityId: '7d0c2f1e-0000-4000-8000-0000000000d1',
  patientId: PATIENT_ID,
  patientName: 'Smith, Anna',
  before: { status: 'booked', startsAt: '2026-11-23T09:00:00.000Z', durationMinutes: 30 },
  after: { status: 'arrived', startsAt: '2026-11-23T09:00:00.000Z', durationMinutes: 30 },
  reason: null,
  requestId: 'req-7f3a',
  occurredAt: '2026-11-23T09:02:00.000Z',
  ...overrides,
});

/** A refill: a creation, so every field is new. */
export const fillCreatedFixture = (): AuditEventResponse =>
  auditEventFixture({
    id: '1041',
    action: 'fill.create',
    entityType: 'fill',
    entityId: 'f0000000-0000-4000-8000-000000000001',
    before: null,
    after: { volumeAddedMl: 20, concentrationMcgPerMl: 2000, dailyDoseMcg: 400, lotNumber: 'LOT-1' },
    occurredAt: '2026-11-23T08:45:00.000Z',
  });

/** The hourly check resolving a flag: no user, with the reason it gives. */
export const autoResolveFixture = (): AuditEventResponse =>
  auditEventFixture({
    id: '1040',
    actorId: null,
    actorName: null,
    action: 'flag.auto_resolve',
    entityType: 'flag',
    entityId: 'f1a90000-0000-4000-8000-000000000001',
    before: null,
    after: { code: 'REFILL_OVERDUE', status: 'resolved', resolution: 'auto' },
    reason: 'Refill recorded',
    occurredAt: '2026-11-23T08:45:01.000Z',
  });
