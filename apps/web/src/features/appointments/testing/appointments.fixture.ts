import type { AppointmentPreviewResponse, AppointmentResponse, ClinicResponse } from '@itb/contracts';
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
  reminderDaysBefore: [7, 1],
  messagesAt: '07:00',
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
  pump: null,
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

export const slotPreview = (overrides: Partial<AppointmentPreviewResponse> = {}): AppointmentPreviewResponse => ({
  startsOn: '2026-11-27',
  pump: { alarmAt: '2026-12-02T09:00:00.000Z', emptyAt: '2026-12-09T09:00:00.000Z', refillBy: '2026-11-30' },
  day: { booked: 3, capacity: 16, isFull: false },
  warnings: [],
  ...overrides,
});

type Answer = { status: number; body: unknown };

/**
 * The reads a booking dialog makes on its own (the clinic's settings, the slot's checks), answered
 * and left out of what the test sees was sent; `preview` chooses the checks' answer.
 */
export const backgroundReads =
  (preview: (request: SentRequest) => AppointmentPreviewResponse = () => slotPreview()) =>
  (request: SentRequest): Answer | undefined => {
    if (request.path === '/api/clinic') return { status: 200, body: clinic() };
    if (request.path === '/api/appointments/preview') return { status: 200, body: preview(request) };
    return undefined;
  };

/** Stubs `fetch` with one answer per call to `answer`, recording what was sent (but the background reads). */
export function stubFetch(
  answer: (request: SentRequest) => Answer,
  background: (request: SentRequest) => Answer | undefined = backgroundReads(),
) {
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
      const quiet = background(request);
      if (!quiet) sent.push(request);
      const { status, body } = quiet ?? answer(request);
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return sent;
}
