import type { Page, TimelineItem } from '@itb/contracts';

const NURSE = { id: '5a4e1c2b-0000-4000-8000-000000000001', name: 'Nurse Tom Hughes' };
const SPECIALIST = { id: '5a4e1c2b-0000-4000-8000-000000000002', name: 'Dr Amara Okafor' };

let sequence = 0;
const nextId = () => `9b1f0d3a-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

/** One timeline entry as the API sends it; a refill by a nurse unless overridden. */
export function timelineItem(overrides: Partial<TimelineItem> = {}): TimelineItem {
  return {
    kind: 'fill',
    id: nextId(),
    at: '2026-11-20T10:15:00.000Z',
    actor: NURSE,
    title: 'Refill: 18 mL of 500 mcg/mL at 300 mcg/day; residual 2.1 mL (expected 2.3 mL, -0.2 mL)',
    reason: null,
    details: {},
    ...overrides,
  };
}

/** A patient's recent story, newest first as the API orders it: one entry of each kind. */
export const STORY: TimelineItem[] = [
  timelineItem({
    kind: 'flag_resolved',
    at: '2026-11-21T09:00:00.000Z',
    actor: null,
    title: 'Flag resolved automatically: Refill overdue',
  }),
  timelineItem({
    kind: 'flag_acknowledged',
    at: '2026-11-20T16:40:00.000Z',
    actor: SPECIALIST,
    title: 'Flag acknowledged: Refill overdue',
    reason: 'Called the patient; booked for tomorrow.',
  }),
  timelineItem({
    kind: 'dose_adjustment',
    at: '2026-11-20T11:00:00.000Z',
    actor: NURSE,
    title: 'Dose 300 mcg/day → 330 mcg/day (Spasticity not controlled), ordered by Dr Amara Okafor',
    reason: 'Spasms at night.\nOverride: agreed by phone with Dr Okafor',
  }),
  timelineItem({ kind: 'fill', at: '2026-11-20T10:15:00.000Z' }),
  timelineItem({
    kind: 'appointment',
    at: '2026-11-20T10:00:00.000Z',
    title: 'Refill appointment (completed)',
  }),
  timelineItem({ kind: 'pump_event', at: '2026-11-02T08:30:00.000Z', title: 'MRI scan', reason: null }),
  timelineItem({
    kind: 'flag_raised',
    at: '2026-10-30T07:00:00.000Z',
    actor: null,
    title: 'Flag raised: Refill overdue (high)',
  }),
];

export const page = (items: TimelineItem[], nextCursor: string | null = null): Page<TimelineItem> => ({
  items,
  nextCursor,
});
