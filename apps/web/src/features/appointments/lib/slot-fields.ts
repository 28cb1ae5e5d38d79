import { z } from 'zod';
import { isApiError } from '../../../lib/api-client';

/**
 * The date, time and duration of a booking or a move, as the forms hold them. A past date is said
 * under the date field before the server is asked; the server's "must be in the future" for today's
 * earlier hours lands under the time field (`slotErrorField`).
 */
export const slotFields = (today: string) => ({
  date: z.iso
    .date({ error: 'Enter a complete date' })
    .refine((date) => date >= today, { message: 'must be today or later' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time (HH:MM)'),
  durationMinutes: z.coerce.number().int().min(5).max(480),
});

/** Which field a server refusal of `startsAt` belongs under: the date when the day itself is past. */
export const slotErrorField = (date: string, today: string): 'date' | 'time' => (date < today ? 'date' : 'time');

export const DURATION_OPTIONS = [15, 30, 45, 60, 90].map((minutes) => ({
  value: String(minutes),
  label: `${minutes} min`,
}));

/** A server refusal of `startsAt` (past, double-booked) put under the field the person chose it with. */
export function placeSlotRefusal(
  error: unknown,
  date: string,
  today: string,
  setError: (name: 'date' | 'time', error: { type: string; message: string }) => void,
): void {
  if (!isApiError(error)) return;
  for (const detail of error.details) {
    if (detail.field === 'startsAt') setError(slotErrorField(date, today), { type: 'server', message: detail.message });
  }
}
