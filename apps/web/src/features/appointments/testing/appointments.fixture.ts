import type { AppointmentResponse, ClinicResponse } from '@itb/contracts';
import { vi } from 'vitest';

export const clinic = (overrides: Partial<ClinicResponse> = {}): ClinicResponse => ({
  id: '7d0c2f1e-0000-4000-8000-0000000000c1',
  name: 'Northside ITB Clinic',
  timeZone: 'Europe/London',
  clinicDays: [1, 2, 3, 4, 5],
  refillLeadDays: 5,
  dueSoonWindowDays: 14,
  maxDrugDaysInPump: 180,
  emergencyPhone: null,
  opensAt: '08:30',
  closesAt: '17:00',
  slotsPerDay: 16,
  version: 1,
  ...overrides,
});

export const appointment = (overrides: Partial<AppointmentResponse> = {}): AppointmentResponse => ({
  id: '7d0c2f1e-0000-4000-8000-0000000000d1',
  patientId: '7d0c2f1e-0000-4000-8000-000000000001',
  patientName: 'Smith, Anna',
  mrn: 'NS-000001',
  isHighRisk: false,
  pumpId: '7d0c2f1e-0000-4000-8000-0000000000a1',
  type: 'refill',
  startsAt: '2026-11-24T08:30:00.000Z',
  startsOn: '2026-11-24',
  durationMinutes: 30,
  clinicianId: null,
  clinicianName: null,
  status: 'booked',
  fillId: null,
  notes: null,
  statusReason: null,
  version: 1,
  warnings: [],
  ...overrides,
});

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Stubs `fetch` with one answer per call to `answer`, recording what was sent. */
export function stubFetch(answer: (request: SentRequest) => { status: number; body: unknown }) {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      const url = new URL(String(input), 'http://localhost');
      const request: SentRequest = {
        method: init?.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: (init?.headers ?? {}) as Record<string, string>,
      };
      sent.push(request);
      const { status, body } = answer(request);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return sent;
}
