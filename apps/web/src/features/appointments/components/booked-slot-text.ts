import type { AppointmentResponse } from '@itb/contracts';
import { formatClinicTimeRange, formatLocalDateWithWeekday } from '../../../lib/clinic-time';

/** "Thu 3 Dec 2026, 10:00–10:30" on the clinic's clock. */
export const bookedSlotText = (appointment: AppointmentResponse, timeZone: string): string =>
  `${formatLocalDateWithWeekday(appointment.startsOn)}, ${formatClinicTimeRange(
    appointment.startsAt,
    appointment.durationMinutes,
    timeZone,
  )}`;
